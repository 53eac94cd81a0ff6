import type pg from 'pg';
import { BUILTIN_ROLES } from '../builtin-roles.js';

/** Built-in roles are defined in code and brought up to date at every start, on every node. */
export async function syncBuiltinRoles(pool: pg.Pool): Promise<void> {
  for (const r of BUILTIN_ROLES) {
    await pool.query(
      `INSERT INTO role (code, name_zh, name_en, builtin, institution_id, permissions, data_scope, admin_kind)
       VALUES ($1, $2, $3, true, NULL, $4, $5, $6)
       ON CONFLICT (institution_id, code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
         permissions = EXCLUDED.permissions, data_scope = EXCLUDED.data_scope, admin_kind = EXCLUDED.admin_kind, updated_at = now()
       WHERE (role.permissions, role.data_scope, role.name_zh, role.name_en, role.admin_kind)
         IS DISTINCT FROM (EXCLUDED.permissions, EXCLUDED.data_scope, EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.admin_kind)`,
      [r.code, r.name.zh, r.name.en, r.permissions, r.dataScope, r.adminKind],
    );
  }
}
