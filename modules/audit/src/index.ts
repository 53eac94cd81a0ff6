import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KangyunModule } from '@kangyun/kernel';
import { AUDIT_MESSAGES } from './messages.js';
import { AUDIT_PERMISSIONS } from './permissions.js';
import { searchRoutes } from './routes/search.js';
import { exportRoutes } from './routes/export.js';
import { statsRoutes } from './routes/stats.js';
import { verifyRoutes } from './routes/verify.js';
import { retentionRoutes } from './routes/retention.js';
import { auditEventProvider } from './fhir/index.js';
import { startDailyCounts } from './services/daily-counts.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Audit: search, statistics, export and chain verification of the kernel's append-only audit
 * log, and the log as FHIR AuditEvent.
 */
export const auditModule: KangyunModule = {
  name: 'audit',
  migrations: path.join(here, '..', 'migrations'),
  permissions: AUDIT_PERMISSIONS,
  messages: AUDIT_MESSAGES,
  fhir: [auditEventProvider],
  start(kernel) {
    startDailyCounts(kernel);
  },
  routes(app, kernel) {
    searchRoutes(app, kernel);
    exportRoutes(app, kernel);
    statsRoutes(app, kernel);
    verifyRoutes(app, kernel);
    retentionRoutes(app, kernel);
  },
};

export { auditEventProvider } from './fhir/index.js';
export { toAuditEvent } from './fhir/map.js';
