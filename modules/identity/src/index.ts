import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KangyunModule } from '@kangyun/kernel';
import { CLIENT_SCOPES, PERMISSIONS } from './permissions.js';
import { IDENTITY_MESSAGES } from './messages.js';
import { authRoutes } from './routes/auth.js';
import { orgRoutes } from './routes/orgs.js';
import { staffRoutes } from './routes/staff.js';
import { roleRoutes } from './routes/roles.js';
import { securityRoutes } from './routes/security.js';
import { oauthRoutes } from './routes/oauth.js';
import { sharingRoutes } from './routes/sharing.js';
import { syncBuiltinRoles } from './services/builtin-roles-sync.js';
import { seedIdentityDemo } from './demo.js';
import { identityFhirProviders } from './fhir/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Identity: organisation tree, staff accounts, roles, login, integration clients, data-sharing grants. */
export const identityModule: KangyunModule = {
  name: 'identity',
  migrations: path.join(here, '..', 'migrations'),
  permissions: PERMISSIONS,
  clientScopes: CLIENT_SCOPES,
  messages: IDENTITY_MESSAGES,
  fhir: identityFhirProviders,
  async start(kernel) {
    await syncBuiltinRoles(kernel.pool);
  },
  routes(app, kernel) {
    authRoutes(app, kernel);
    orgRoutes(app, kernel);
    staffRoutes(app, kernel);
    roleRoutes(app, kernel);
    securityRoutes(app, kernel);
    oauthRoutes(app, kernel);
    sharingRoutes(app, kernel);
  },
  seedDemo: seedIdentityDemo,
};

export { DEMO_PASSWORD, DEMO_TOTP, DEMO_STAFF, DEMO_CLIENTS } from './demo.js';
export { BUILTIN_ROLES } from './builtin-roles.js';
export { syncBuiltinRoles } from './services/builtin-roles-sync.js';
