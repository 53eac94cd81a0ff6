import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  AppError, fieldError, invalid, isKnownPermission, notFound, permissionCatalogue, withTransaction, writeAudit, type Actor, type Kernel,
} from '@kangyun/kernel';
import { assertManagesInstitution, manageableInstitutions } from '../services/scope-checks.js';

const tags = ['角色权限 Roles'];
const scopeSchema = Type.Union([Type.Literal('own'), Type.Literal('department'), Type.Literal('institution'), Type.Literal('region')]);
const roleBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  permissions: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200 }),
  dataScope: scopeSchema,
});

/**
 * Checks a custom role's permissions: known codes, no escalation beyond the caller's own powers
 * (unless the caller is the security administrator), and at most one administrator kind.
 */
function checkPermissions(actor: Actor, permissions: string[]): 'system' | 'security' | 'audit' | null {
  const catalogue = new Map(permissionCatalogue().map((p) => [p.code, p]));
  const kinds = new Set<string>();
  for (const code of permissions) {
    if (!isKnownPermission(code)) throw invalid([fieldError('permissions', 'unknown', 'identity.permission_unknown', { code })]);
    if (actor.adminKind !== 'security' && !actor.permissions.has(code)) {
      throw invalid([fieldError('permissions', 'not_held', 'identity.permission_not_held', { code })]);
    }
    const kind = catalogue.get(code)?.adminKind;
    if (kind) kinds.add(kind);
  }
  if (kinds.size > 1) throw invalid([fieldError('permissions', 'mixed_admin', 'identity.permission_mixed_admin')]);
  return (([...kinds][0] ?? null) as 'system' | 'security' | 'audit' | null);
}

export function roleRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/permissions', { config: { permission: 'role.manage' }, schema: { tags, summary: '权限目录（菜单权限与操作权限）' } }, async () =>
    permissionCatalogue().map(({ code, group, kind, name, adminKind }) => ({ code, group, kind, name, adminKind: adminKind ?? null })));

  app.get('/api/roles', {
    config: { permission: 'staff.read' },
    schema: { tags, summary: '角色列表（内置角色与本机构自定义角色）', querystring: Type.Object({ institutionId: Type.Optional(Type.Integer({ minimum: 1 })) }) },
  }, async (req) => {
    const ctx = req.ctx!;
    const { institutionId } = req.query as { institutionId?: number };
    const insts = institutionId ? [institutionId] : manageableInstitutions(ctx.actor);
    const { rows } = await kernel.pool.query(
      `SELECT r.id, r.code, ${ctx.request.lang === 'en' ? 'r.name_en' : 'r.name_zh'} AS name, r.builtin, r.institution_id AS "institutionId",
              i.name AS "institutionName", r.permissions, r.data_scope AS "dataScope", r.admin_kind AS "adminKind",
              (SELECT count(*)::int FROM assignment x WHERE x.role_id = r.id) AS "staffCount"
       FROM role r LEFT JOIN org_unit i ON i.id = r.institution_id
       WHERE r.institution_id IS NULL OR r.institution_id = ANY($1) ORDER BY r.builtin DESC, r.id`,
      [insts],
    );
    return rows;
  });

  app.post('/api/roles', {
    config: { permission: 'role.manage' },
    schema: { tags, summary: '新建自定义角色', body: Type.Intersect([roleBody, Type.Object({ institutionId: Type.Integer({ minimum: 1 }) })]) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { name: string; permissions: string[]; dataScope: string; institutionId: number };
    assertManagesInstitution(ctx.actor, body.institutionId);
    const adminKind = checkPermissions(ctx.actor, body.permissions);
    const role = await withTransaction(kernel.pool, async (db) => {
      const code = `custom_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
      const { rows } = await db.query(
        `INSERT INTO role (code, name_zh, name_en, institution_id, permissions, data_scope, admin_kind) VALUES ($1, $2, $2, $3, $4, $5, $6)
         RETURNING id, code, name_zh AS name, builtin, institution_id AS "institutionId", permissions, data_scope AS "dataScope"`,
        [code, body.name, body.institutionId, [...new Set(body.permissions)], body.dataScope, adminKind],
      );
      await writeAudit(db, ctx, { action: 'role.create', entityType: 'Role', entityId: rows[0].id, detail: { ...body } });
      return rows[0];
    });
    return reply.code(201).send(role);
  });

  async function editableRole(db: Pick<import('pg').PoolClient, 'query'>, actor: Actor, id: number) {
    const { rows } = await db.query('SELECT id, builtin, institution_id FROM role WHERE id = $1 FOR UPDATE', [id]);
    const role = rows[0];
    if (!role || (role.institution_id !== null && !manageableInstitutions(actor).includes(role.institution_id))) throw notFound();
    if (role.builtin) throw new AppError(422, 'builtin_role', 'identity.builtin_role');
    return role;
  }

  app.put('/api/roles/:id', {
    config: { permission: 'role.manage' },
    schema: { tags, summary: '修改自定义角色（权限变更立即生效）', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: roleBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as { name: string; permissions: string[]; dataScope: string };
    const adminKind = checkPermissions(ctx.actor, body.permissions);
    return withTransaction(kernel.pool, async (db) => {
      await editableRole(db, ctx.actor, id);
      if (adminKind) {
        const clash = await db.query(
          `SELECT 1 FROM assignment x JOIN assignment y ON y.account_id = x.account_id JOIN role r ON r.id = y.role_id
           WHERE x.role_id = $1 AND y.role_id <> $1 AND r.admin_kind IS NOT NULL AND r.admin_kind <> $2 LIMIT 1`, [id, adminKind]);
        if (clash.rowCount) throw invalid([fieldError('permissions', 'admin_exclusive', 'identity.admin_exclusive', { held: 'other' })]);
      }
      const { rows } = await db.query(
        `UPDATE role SET name_zh = $2, name_en = $2, permissions = $3, data_scope = $4, admin_kind = $5, updated_at = now() WHERE id = $1
         RETURNING id, code, name_zh AS name, builtin, institution_id AS "institutionId", permissions, data_scope AS "dataScope"`,
        [id, body.name, [...new Set(body.permissions)], body.dataScope, adminKind],
      );
      await writeAudit(db, ctx, { action: 'role.update', entityType: 'Role', entityId: id, detail: { ...body } });
      return rows[0];
    });
  });

  app.delete('/api/roles/:id', {
    config: { permission: 'role.manage' },
    schema: { tags, summary: '删除自定义角色', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await withTransaction(kernel.pool, async (db) => {
      await editableRole(db, ctx.actor, id);
      const used = await db.query('SELECT 1 FROM assignment WHERE role_id = $1 LIMIT 1', [id]);
      if (used.rowCount) throw new AppError(409, 'role_in_use', 'identity.role_in_use');
      await db.query('DELETE FROM role WHERE id = $1', [id]);
      await writeAudit(db, ctx, { action: 'role.delete', entityType: 'Role', entityId: id });
    });
    return reply.code(204).send();
  });
}
