import type pg from 'pg';
import type { Actor } from '@kangyun/kernel';

export interface AssignmentInfo {
  id: number;
  institutionId: number;
  institutionName: string;
  departmentId: number | null;
  departmentName: string | null;
  roleId: number;
  roleCode: string;
  roleName: string;
}

export async function listAssignments(db: Pick<pg.Pool, 'query'>, accountId: number, lang: 'zh' | 'en'): Promise<AssignmentInfo[]> {
  // named: every page load asks (GET /api/auth/me), and planning the joins costs more than running them
  const { rows } = await db.query<AssignmentInfo>({
    name: `identity.assignments.${lang}`,
    text: `SELECT x.id, x.institution_id AS "institutionId", i.name AS "institutionName", x.department_id AS "departmentId",
            d.name AS "departmentName", r.id AS "roleId", r.code AS "roleCode", ${lang === 'en' ? 'r.name_en' : 'r.name_zh'} AS "roleName"
     FROM assignment x JOIN org_unit i ON i.id = x.institution_id LEFT JOIN org_unit d ON d.id = x.department_id JOIN role r ON r.id = x.role_id
     WHERE x.account_id = $1 ORDER BY x.id`,
    values: [accountId],
  });
  return rows;
}

/** What the web app needs to know about the signed-in user. */
export async function sessionInfo(pool: pg.Pool, actor: Actor, lang: 'zh' | 'en', idleTimeoutSeconds: number) {
  const { rows } = await pool.query({
    name: 'identity.session-account',
    text: 'SELECT id, username, display_name AS "displayName", mobile, totp_enabled AS "totpEnabled" FROM account WHERE id = $1',
    values: [actor.accountId],
  });
  const user = rows[0];
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, mobile: user.mobile },
    assignments: await listAssignments(pool, actor.accountId!, lang),
    currentAssignmentId: actor.assignmentId,
    permissions: [...actor.permissions].sort(),
    dataScope: actor.scope,
    mustChangePassword: actor.mustChangePassword,
    totpEnabled: user.totpEnabled,
    idleTimeoutSeconds,
  };
}
