import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, fieldError, invalid, notFound, sendTable, withTransaction, writeAudit, type Actor, type Kernel } from '@kangyun/kernel';
import { addAssignment, type AssignmentInput } from '../services/assignments.js';
import { manageableInstitutions, assertManagesInstitution } from '../services/scope-checks.js';
import { setPassword } from '../services/passwords.js';
import { maskMobile } from '../services/masking.js';


const tags = ['人员 Staff'];
const MOBILE = '^1[3-9]\\d{9}$';
const assignmentSchema = Type.Object({
  institutionId: Type.Integer({ minimum: 1 }),
  departmentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  roleId: Type.Integer({ minimum: 1 }),
});
const listQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  institutionId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('locked'), Type.Literal('disabled')])),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
type ListQuery = { q?: string; institutionId?: number; status?: string; page: number; pageSize: number };

export function staffRoutes(app: FastifyInstance, kernel: Kernel): void {
  async function listStaff(actor: Actor, q: ListQuery, lang: 'zh' | 'en', limit: number, offset: number) {
    const insts = q.institutionId ? manageableInstitutions(actor).filter((i) => i === q.institutionId) : manageableInstitutions(actor);
    const params: unknown[] = [insts];
    const where = ['EXISTS (SELECT 1 FROM assignment x WHERE x.account_id = a.id AND x.institution_id = ANY($1))'];
    if (q.q) {
      params.push(`%${q.q}%`);
      where.push(`(a.username ILIKE $${params.length} OR a.display_name ILIKE $${params.length} OR a.mobile LIKE $${params.length})`);
    }
    if (q.status === 'locked') where.push('a.locked_until > now()');
    else if (q.status === 'disabled') where.push("a.status = 'disabled'");
    else if (q.status === 'active') where.push("a.status = 'active' AND (a.locked_until IS NULL OR a.locked_until <= now())");
    params.push(limit, offset);
    const { rows } = await kernel.pool.query(
      `SELECT a.id, a.username, a.display_name AS "displayName", a.mobile, a.title,
              CASE WHEN a.status = 'disabled' THEN 'disabled' WHEN a.locked_until > now() THEN 'locked' ELSE 'active' END AS status,
              a.last_login_at AS "lastLoginAt", a.totp_enabled AS "totpEnabled", count(*) OVER () AS total,
              (SELECT coalesce(json_agg(json_build_object('id', x.id, 'institutionId', x.institution_id, 'institutionName', i.name,
                  'departmentId', x.department_id, 'departmentName', d.name, 'roleId', r.id, 'roleCode', r.code,
                  'roleName', ${lang === 'en' ? 'r.name_en' : 'r.name_zh'}) ORDER BY x.id), '[]')
               FROM assignment x JOIN org_unit i ON i.id = x.institution_id LEFT JOIN org_unit d ON d.id = x.department_id JOIN role r ON r.id = x.role_id
               WHERE x.account_id = a.id) AS assignments
       FROM account a WHERE ${where.join(' AND ')} ORDER BY a.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0] ? Number(rows[0].total) : 0;
    return { items: rows.map(({ total: _t, ...r }) => ({ ...r, mobile: maskMobile(r.mobile) })), total };
  }

  app.get('/api/staff', { config: { permission: 'staff.read' }, schema: { tags, summary: '人员列表（搜索、筛选、分页）', querystring: listQuery } }, async (req) => {
    const q = req.query as ListQuery;
    return listStaff(req.ctx!.actor, q, req.ctx!.request.lang, q.pageSize, (q.page - 1) * q.pageSize);
  });

  app.get('/api/staff/export', {
    config: { permission: 'staff.read' },
    schema: { tags, summary: '导出人员列表（Excel/CSV）', querystring: Type.Intersect([listQuery, Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }) })]) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const q = req.query as ListQuery & { format: 'xlsx' | 'csv' };
    const { items } = await listStaff(ctx.actor, q, ctx.request.lang, 50_000, 0);
    await writeAudit(kernel.pool, ctx, { action: 'staff.export', entityType: 'Account', detail: { count: items.length, format: q.format } });
    const zh = ctx.request.lang === 'zh';
    return sendTable(reply, q.format, zh ? '人员名单' : 'staff', [
      { header: zh ? '用户名' : 'Username', key: 'username' },
      { header: zh ? '姓名' : 'Name', key: 'displayName' },
      { header: zh ? '手机号' : 'Mobile', key: 'mobile' },
      { header: zh ? '状态' : 'Status', key: 'status' },
      { header: zh ? '任职' : 'Assignments', key: 'assignmentText' },
    ], items.map((i) => ({
      ...i,
      assignmentText: (i.assignments as { institutionName: string; departmentName: string | null; roleName: string }[])
        .map((a) => [a.institutionName, a.departmentName, a.roleName].filter(Boolean).join('/')).join('；'),
    })));
  });

  app.post('/api/staff', {
    config: { permission: 'staff.manage' },
    schema: {
      tags, summary: '新建人员账号（初始密码首次登录须修改）',
      body: Type.Object({
        username: Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }),
        displayName: Type.String({ minLength: 1, maxLength: 50 }),
        mobile: Type.Optional(Type.Union([Type.String({ pattern: MOBILE }), Type.Null()])),
        title: Type.Optional(Type.String({ maxLength: 50 })),
        gender: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('unknown')])),
        initialPassword: Type.String({ minLength: 1, maxLength: 128 }),
        assignments: Type.Array(assignmentSchema, { minItems: 1, maxItems: 20 }),
      }),
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { username: string; displayName: string; mobile?: string | null; title?: string; gender?: string; initialPassword: string; assignments: AssignmentInput[] };
    const id = await withTransaction(kernel.pool, async (db) => {
      const taken = await db.query('SELECT username = $1 AS same_name FROM account WHERE username = $1 OR (mobile = $2 AND $2 IS NOT NULL)', [body.username, body.mobile ?? null]);
      if (taken.rows[0]) {
        throw invalid([taken.rows[0].same_name ? fieldError('username', 'taken', 'identity.username_taken') : fieldError('mobile', 'taken', 'identity.mobile_taken')]);
      }
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO account (username, display_name, mobile, title, gender, password_hash, must_change_password)
         VALUES ($1, $2, $3, $4, $5, 'unset', true) RETURNING id`,
        [body.username, body.displayName, body.mobile ?? null, body.title ?? null, body.gender ?? null],
      );
      const accountId = rows[0].id;
      await setPassword(db, kernel.crypto, accountId, body.username, body.initialPassword, { mustChange: true, field: 'initialPassword' });
      for (const [i, a] of body.assignments.entries()) await addAssignment(db, ctx.actor, accountId, a, `assignments.${i}`);
      await writeAudit(db, ctx, { action: 'staff.create', entityType: 'Account', entityId: accountId, detail: { username: body.username, assignments: body.assignments } });
      return accountId;
    });
    return reply.code(201).send({ id, username: body.username, displayName: body.displayName });
  });

  /** loads an account the caller may manage (it has an assignment in one of the caller's institutions) */
  async function manageable(db: Pick<import('pg').PoolClient, 'query'>, actor: Actor, id: number) {
    const { rows } = await db.query(
      `SELECT id, username FROM account a WHERE id = $1 AND EXISTS (SELECT 1 FROM assignment x WHERE x.account_id = a.id AND x.institution_id = ANY($2)) FOR UPDATE`,
      [id, manageableInstitutions(actor)]);
    if (!rows[0]) throw notFound();
    return rows[0] as { id: number; username: string };
  }

  const idParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

  app.patch('/api/staff/:id', {
    config: { permission: 'staff.manage' },
    schema: {
      tags, summary: '修改人员信息或停用/启用账号', params: idParams,
      body: Type.Object({
        displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
        mobile: Type.Optional(Type.Union([Type.String({ pattern: MOBILE }), Type.Null()])),
        title: Type.Optional(Type.String({ maxLength: 50 })),
        status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
      }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as { displayName?: string; mobile?: string | null; title?: string; status?: string };
    if (body.status === 'disabled' && id === ctx.actor.accountId) throw new AppError(422, 'cannot_disable_self', 'identity.cannot_disable_self');
    return withTransaction(kernel.pool, async (db) => {
      await manageable(db, ctx.actor, id);
      if (body.mobile) {
        const dup = await db.query('SELECT 1 FROM account WHERE mobile = $1 AND id <> $2', [body.mobile, id]);
        if (dup.rowCount) throw invalid([fieldError('mobile', 'taken', 'identity.mobile_taken')]);
      }
      const { rows } = await db.query(
        `UPDATE account SET display_name = coalesce($2, display_name), mobile = CASE WHEN $6 THEN $3 ELSE mobile END,
           title = coalesce($4, title), status = coalesce($5, status), updated_at = now()
         WHERE id = $1 RETURNING id, username, display_name AS "displayName", status`,
        [id, body.displayName ?? null, body.mobile ?? null, body.title ?? null, body.status ?? null, 'mobile' in body],
      );
      if (body.status === 'disabled') await db.query('UPDATE session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [id]);
      await writeAudit(db, ctx, { action: body.status ? `staff.${body.status === 'disabled' ? 'disable' : 'enable'}` : 'staff.update', entityType: 'Account', entityId: id, detail: { ...body } });
      return rows[0];
    });
  });

  app.post('/api/staff/:id/assignments', {
    config: { permission: 'staff.manage' },
    schema: { tags, summary: '增加任职（机构/科室/角色）', params: idParams, body: assignmentSchema },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const assignmentId = await withTransaction(kernel.pool, async (db) => {
      await manageable(db, ctx.actor, id);
      const aid = await addAssignment(db, ctx.actor, id, req.body as AssignmentInput, 'assignment');
      await writeAudit(db, ctx, { action: 'staff.assign', entityType: 'Account', entityId: id, detail: { assignmentId: aid, ...(req.body as object) } });
      return aid;
    });
    return reply.code(201).send({ id: assignmentId });
  });

  app.delete('/api/staff/:id/assignments/:assignmentId', {
    config: { permission: 'staff.manage' },
    schema: { tags, summary: '撤销任职', params: Type.Object({ id: Type.Integer({ minimum: 1 }), assignmentId: Type.Integer({ minimum: 1 }) }) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id, assignmentId } = req.params as { id: number; assignmentId: number };
    await withTransaction(kernel.pool, async (db) => {
      await manageable(db, ctx.actor, id);
      const { rows } = await db.query('SELECT institution_id, (SELECT count(*) FROM assignment WHERE account_id = $1) AS n FROM assignment WHERE id = $2 AND account_id = $1', [id, assignmentId]);
      if (!rows[0]) throw notFound();
      assertManagesInstitution(ctx.actor, rows[0].institution_id);
      if (Number(rows[0].n) <= 1) throw new AppError(422, 'last_assignment', 'identity.last_assignment');
      await db.query('UPDATE session SET revoked_at = now() WHERE assignment_id = $1 AND revoked_at IS NULL', [assignmentId]);
      await db.query('DELETE FROM assignment WHERE id = $1', [assignmentId]);
      await writeAudit(db, ctx, { action: 'staff.unassign', entityType: 'Account', entityId: id, detail: { assignmentId } });
    });
    return reply.code(204).send();
  });

  app.post('/api/staff/:id/unlock', {
    config: { permission: 'account.unlock' },
    schema: { tags, summary: '解锁账号（安全管理员）', params: idParams },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await withTransaction(kernel.pool, async (db) => {
      await manageable(db, ctx.actor, id);
      await db.query('UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]);
      await writeAudit(db, ctx, { action: 'staff.unlock', entityType: 'Account', entityId: id });
    });
    return reply.code(204).send();
  });

  app.post('/api/staff/:id/reset-password', {
    config: { permission: 'staff.manage' },
    schema: { tags, summary: '重置密码（用户下次登录须修改）', params: idParams, body: Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: 128 }) }) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await withTransaction(kernel.pool, async (db) => {
      const account = await manageable(db, ctx.actor, id);
      await setPassword(db, kernel.crypto, id, account.username, (req.body as { newPassword: string }).newPassword, { mustChange: true });
      await db.query('UPDATE session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [id]);
      await writeAudit(db, ctx, { action: 'staff.reset_password', entityType: 'Account', entityId: id });
    });
    return reply.code(204).send();
  });
}
