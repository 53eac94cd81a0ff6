/** The exact text hashed into the audit chain for one row; verification rebuilds it from the stored row. */
export interface AuditRow {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  client_id: string | null;
  institution_id: number | null;
  department_id: number | null;
  role_code: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  patient_id: number | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  detail: unknown;
}

export const AUDIT_ROW_COLUMNS =
  'id, at, actor_id, actor_name, client_id, institution_id, department_id, role_code, action, entity_type, entity_id, patient_id, outcome, ip, user_agent, detail';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function canonicalAuditRow(row: AuditRow, seq: number): string {
  return canonicalJson({ ...row, at: row.at.toISOString(), seq });
}

export const AUDIT_GENESIS = 'kangyun-audit-chain-genesis';
