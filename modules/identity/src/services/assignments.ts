import type pg from 'pg';
import { AppError, fieldError, invalid, type Actor } from '@kangyun/kernel';
import { assertManagesInstitution } from './scope-checks.js';

export interface AssignmentInput {
  institutionId: number;
  departmentId?: number | null;
  roleId: number;
}

/**
 * Adds an assignment after checking that the caller manages that institution, the department
 * belongs to it, the role is usable there, and 三权分立 holds (at most one administrator kind per account).
 */
export async function addAssignment(db: Pick<pg.PoolClient, 'query'>, actor: Actor, accountId: number, input: AssignmentInput, field = 'assignments'): Promise<number> {
  assertManagesInstitution(actor, input.institutionId);
  const { rows: inst } = await db.query("SELECT id FROM org_unit WHERE id = $1 AND kind = 'institution'", [input.institutionId]);
  if (!inst[0]) throw invalid([fieldError(`${field}.institutionId`, 'not_found', 'error.not_found')]);
  if (input.departmentId) {
    const { rows } = await db.query("SELECT 1 FROM org_unit WHERE id = $1 AND kind = 'department' AND institution_id = $2", [input.departmentId, input.institutionId]);
    if (!rows[0]) throw invalid([fieldError(`${field}.departmentId`, 'mismatch', 'identity.department_mismatch')]);
  }
  const { rows: roles } = await db.query<{ admin_kind: string | null; institution_id: number | null }>(
    'SELECT admin_kind, institution_id FROM role WHERE id = $1', [input.roleId]);
  const role = roles[0];
  if (!role || (role.institution_id !== null && role.institution_id !== input.institutionId)) {
    throw invalid([fieldError(`${field}.roleId`, 'not_found', 'error.not_found')]);
  }
  if (role.admin_kind) {
    // lock the account row so two concurrent grants cannot both pass this check
    await db.query('SELECT 1 FROM account WHERE id = $1 FOR UPDATE', [accountId]);
    const { rows: held } = await db.query<{ admin_kind: string }>(
      `SELECT DISTINCT r.admin_kind FROM assignment x JOIN role r ON r.id = x.role_id
       WHERE x.account_id = $1 AND r.admin_kind IS NOT NULL AND r.admin_kind <> $2`, [accountId, role.admin_kind]);
    if (held[0]) throw new AppError(422, 'admin_exclusive', 'identity.admin_exclusive', { held: held[0].admin_kind }, [
      fieldError(`${field}.roleId`, 'admin_exclusive', 'identity.admin_exclusive', { held: held[0].admin_kind }),
    ]);
  }
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO assignment (account_id, institution_id, department_id, role_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING id`,
    [accountId, input.institutionId, input.departmentId ?? null, input.roleId],
  );
  if (rows[0]) return rows[0].id;
  const existing = await db.query<{ id: number }>(
    'SELECT id FROM assignment WHERE account_id = $1 AND institution_id = $2 AND department_id IS NOT DISTINCT FROM $3 AND role_id = $4',
    [accountId, input.institutionId, input.departmentId ?? null, input.roleId]);
  return existing.rows[0].id;
}
