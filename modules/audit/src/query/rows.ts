import type { ScopedClient } from '@kangyun/kernel';
import type { SqlWhere } from './where.js';

/** One audit_event row as the search reads it (with the institution's name). */
export interface AuditDbRow {
  id: number;
  at: Date;
  seq: number | null;
  chain_hash: string | null;
  actor_id: number | null;
  actor_name: string | null;
  client_id: string | null;
  institution_id: number | null;
  institution_name: string | null;
  department_id: number | null;
  role_code: string | null;
  role_name_zh: string | null;
  role_name_en: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  patient_id: number | null;
  outcome: 'success' | 'failure';
  ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown>;
}

const COLUMNS = `a.id, a.at, a.seq, a.chain_hash, a.actor_id, a.actor_name, a.client_id, a.institution_id, i.name AS institution_name,
  a.department_id, a.role_code, r.name_zh AS role_name_zh, r.name_en AS role_name_en, a.action, a.entity_type, a.entity_id, a.patient_id, a.outcome, a.ip, a.user_agent, a.detail`;

// role codes are unique among built-in roles and within an institution's custom roles
const FROM = `audit_event a LEFT JOIN org_unit i ON i.id = a.institution_id
  LEFT JOIN role r ON r.code = a.role_code AND (r.institution_id IS NULL OR r.institution_id = a.institution_id)`;
const NEWEST_FIRST = 'ORDER BY a.at DESC, a.id DESC';

/** Newest first. Runs in the caller's scoped transaction, so row-level security limits what is seen. */
export async function selectAuditRows(db: ScopedClient, where: SqlWhere, limit: number, offset = 0): Promise<AuditDbRow[]> {
  if (limit <= 0) return [];
  const params = [...where.params, limit, offset];
  const { rows } = await db.query<AuditDbRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.sql} ${NEWEST_FIRST} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return rows;
}

/**
 * Counts matches, but stops at `cap`: an exact count over millions of rows costs seconds and
 * nobody pages that far. `exact` is false when there are more than `cap`.
 */
export async function countAuditRows(db: ScopedClient, where: SqlWhere, cap: number): Promise<{ total: number; exact: boolean }> {
  const params = [...where.params, cap + 1];
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_event a WHERE ${where.sql} LIMIT $${params.length}) s`,
    params,
  );
  const n = rows[0].n;
  return n > cap ? { total: cap, exact: false } : { total: n, exact: true };
}

/**
 * One page plus the (capped) total from a single pass: the ids of the first `cap + 1` matches,
 * newest first, give both, so a filter that matches little (free text over a week) reads the
 * time window once instead of twice. Pages past the cap fall back to count + OFFSET.
 */
export async function searchAuditPage(db: ScopedClient, where: SqlWhere, limit: number, offset: number, cap: number) {
  if (offset + limit > cap) {
    const counted = await countAuditRows(db, where, cap);
    return { rows: await selectAuditRows(db, where, limit, offset), ...counted };
  }
  const params = [...where.params, cap + 1];
  const { rows: ids } = await db.query<{ id: number }>(
    `SELECT a.id FROM audit_event a WHERE ${where.sql} ${NEWEST_FIRST} LIMIT $${params.length}`, params);
  const pageIds = ids.slice(offset, offset + limit).map((r) => r.id);
  const rows = pageIds.length === 0 ? [] : (await db.query<AuditDbRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE a.id = ANY($1::bigint[]) ${NEWEST_FIRST}`, [pageIds])).rows;
  return { rows, total: Math.min(ids.length, cap), exact: ids.length <= cap };
}

/** The REST API's shape of an entry. */
export function toApiItem(r: AuditDbRow, lang: 'zh' | 'en' = 'zh') {
  return {
    id: r.id,
    at: r.at,
    seq: r.seq,
    userId: r.actor_id,
    username: r.actor_name,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    role: r.role_code,
    roleName: (lang === 'en' ? r.role_name_en : r.role_name_zh) ?? r.role_code,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    patientId: r.patient_id,
    outcome: r.outcome,
    ip: r.ip,
    userAgent: r.user_agent,
    detail: r.detail,
  };
}
