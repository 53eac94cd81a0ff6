import type { Queryable } from '../db/pool.js';
import type { Actor, RequestInfo } from '../context.js';
import { appendBeforeCommit, type AppendStatement } from '../db/appends.js';

const AUDIT_INSERT_COLUMNS = 'actor_id, actor_name, client_id, institution_id, department_id, role_code, action, entity_type, entity_id, patient_id, outcome, ip, user_agent, detail';

/** one audit row, for transactions that send their appends with the COMMIT */
const AUDIT_APPEND: AppendStatement = {
  name: 'kangyun_append_audit',
  types: ['bigint', 'text', 'text', 'bigint', 'bigint', 'text', 'text', 'text', 'text', 'bigint', 'text', 'text', 'text', 'jsonb'],
  text: `INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
};

export interface AuditEntry {
  /** dotted verb, e.g. patient.read, auth.login, role.update, audit.export */
  action: string;
  entityType?: string;
  entityId?: string | number | null;
  patientId?: number | null;
  outcome?: 'success' | 'failure';
  detail?: Record<string, unknown>;
}

export interface AuditWho {
  actor?: Actor | null;
  request?: RequestInfo | null;
  /** for failures before anyone is known, e.g. the username typed at a failed login */
  actorName?: string;
  institutionId?: number | null;
}

/**
 * Appends entries in the caller's transaction: if the audit row cannot be written, the access
 * it records does not happen either, so nothing is ever silently unaudited. Many entries go in
 * one statement; the hash chain is sealed later in batches, so writers never queue on a lock.
 */
export async function writeAudit(db: Queryable, who: AuditWho, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const a = who.actor ?? null;
  const r = who.request ?? null;
  const common = [a?.accountId ?? null, a?.name ?? who.actorName ?? null, a?.clientId ?? null, a?.institutionId ?? who.institutionId ?? null,
    a?.departmentId ?? null, a?.roleCode ?? null];
  const appended = await appendBeforeCommit(db, AUDIT_APPEND, list.map((e) => [...common, e.action, e.entityType ?? null,
    e.entityId === undefined || e.entityId === null ? null : String(e.entityId), e.patientId ?? null, e.outcome ?? 'success',
    r?.ip ?? null, r?.userAgent ?? null, e.detail ?? {}]));
  if (appended) return;
  await db.query({
    name: 'kernel.audit.write',
    text: `INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS})
     SELECT $1, $2, $3, $4, $5, $6, e.action, e.entity_type, e.entity_id, e.patient_id, e.outcome, $7, $8, e.detail
     FROM unnest($9::text[], $10::text[], $11::text[], $12::bigint[], $13::text[], $14::jsonb[])
       AS e(action, entity_type, entity_id, patient_id, outcome, detail)`,
    values: [
      a?.accountId ?? null,
      a?.name ?? who.actorName ?? null,
      a?.clientId ?? null,
      a?.institutionId ?? who.institutionId ?? null,
      a?.departmentId ?? null,
      a?.roleCode ?? null,
      r?.ip ?? null,
      r?.userAgent ?? null,
      list.map((e) => e.action),
      list.map((e) => e.entityType ?? null),
      list.map((e) => (e.entityId === undefined || e.entityId === null ? null : String(e.entityId))),
      list.map((e) => e.patientId ?? null),
      list.map((e) => e.outcome ?? 'success'),
      list.map((e) => JSON.stringify(e.detail ?? {})),
    ],
  });
}
