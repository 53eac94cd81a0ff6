export type Outcome = 'success' | 'failure';

export interface AuditEntry {
  id: number | string;
  at: string;
  userId: number | string | null;
  username: string | null;
  institutionName: string | null;
  role: string | null;
  roleName?: string | null;
  action: string;
  entityType: string | null;
  entityId: number | string | null;
  patientId: number | string | null;
  outcome: Outcome;
  ip: string | null;
  detail: unknown;
}

export interface AuditStat {
  day: string;
  action: string;
  count: number;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  firstBroken?: { seq: number; id: number | null; reason: string } | null;
}
