import type { Actor } from '../context.js';

/** Columns that turn an assignment row (joined with role and institution) into an Actor. */
export const ACTOR_COLUMNS = `
  asg.id AS assignment_id, asg.institution_id, asg.department_id, r.code AS role_code, r.permissions,
  r.data_scope, r.admin_kind, inst.region_id,
  (SELECT array_agg(i.id ORDER BY i.id) FROM org_unit i WHERE i.kind = 'institution' AND i.region_id = inst.region_id) AS region_institutions`;

export const ACTOR_JOINS = `
  JOIN role r ON r.id = asg.role_id
  JOIN org_unit inst ON inst.id = asg.institution_id`;

export interface ActorRow {
  assignment_id: number;
  institution_id: number;
  department_id: number | null;
  role_code: string;
  permissions: string[];
  data_scope: Actor['scope'];
  admin_kind: Actor['adminKind'];
  region_id: number;
  region_institutions: number[];
}

export function actorFromRow(
  row: ActorRow,
  account: { id: number; username: string; displayName: string; mustChangePassword: boolean },
): Actor {
  return {
    kind: 'user',
    accountId: account.id,
    name: account.username,
    displayName: account.displayName,
    clientId: null,
    assignmentId: row.assignment_id,
    institutionId: row.institution_id,
    departmentId: row.department_id,
    regionId: row.region_id,
    roleCode: row.role_code,
    adminKind: row.admin_kind,
    permissions: new Set(row.permissions),
    scope: row.data_scope,
    regionInstitutions: row.region_institutions ?? [row.institution_id],
    mustChangePassword: account.mustChangePassword,
  };
}
