import { writeAudit, type FhirResourceProvider } from '@kangyun/kernel';
import type { AuditEvent } from '@medplum/fhirtypes';
import { searchAuditPage, selectAuditRows } from '../query/rows.js';
import { boundedSearch } from '../query/timeout.js';
import { SqlWhere } from '../query/where.js';
import { cond } from '../query/conditions.js';
import { toAuditEvent } from './map.js';
import { AUDIT_EVENT_SEARCH_PARAMS, fhirWhere } from './params.js';

/** as in the REST search: Bundle.total stops counting here */
const FHIR_COUNT_CAP = 10_000;

/**
 * The audit log as FHIR R4 AuditEvent (read and search). Runs in the caller's scoped
 * transaction, so an integration client sees its own institution's entries only; reading the
 * log through FHIR is itself audited, one entry per interaction.
 */
export const auditEventProvider: FhirResourceProvider = {
  type: 'AuditEvent',
  profile: 'http://hl7.org/fhir/StructureDefinition/AuditEvent',
  searchParams: AUDIT_EVENT_SEARCH_PARAMS,
  permissions: { read: 'audit.read' },

  async read(ctx, db, id) {
    if (!/^\d{1,15}$/.test(id)) return null;
    const where = new SqlWhere();
    cond.ids(where, [Number(id)]);
    const [row] = await selectAuditRows(db, where, 1);
    await writeAudit(db, ctx, { action: 'audit.search', entityType: 'AuditEvent', entityId: id, detail: { via: 'fhir', found: Boolean(row) } });
    return row ? toAuditEvent(row) : null;
  },

  async search(ctx, db, req) {
    const where = fhirWhere(req.params, ctx.actor);
    const { rows, total } = await boundedSearch(db, () => searchAuditPage(db, where, req.count, req.offset, FHIR_COUNT_CAP));
    await writeAudit(db, ctx, { action: 'audit.search', detail: { via: 'fhir', params: req.params, total, returned: rows.length } });
    return { resources: rows.map((r): AuditEvent => toAuditEvent(r)), total };
  },
};
