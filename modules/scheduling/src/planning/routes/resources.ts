import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { notFound, type Kernel } from '@kangyun/kernel';
import { createResource, deleteResource, listResources, readResource, updateResource, type ResourceInput } from '../resources.js';
import { idParams, resourceBody } from '../schemas.js';

const tags = ['排班与号源 Schedules'];

export function resourceRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/scheduling/resources', {
    config: { permission: 'schedule.read' },
    schema: {
      tags, summary: '出诊资源：门诊（医生、号别、诊室、诊查费）与医技（检查类型、机房/设备）',
      querystring: Type.Object({
        departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
        kind: Type.Optional(Type.Union([Type.Literal('clinic'), Type.Literal('exam')])),
        active: Type.Optional(Type.Boolean()),
      }),
    },
  }, async (req) => listResources(kernel.pool, req.ctx!.actor.institutionId, req.query as { departmentId?: number; kind?: string; active?: boolean }));

  app.post('/api/scheduling/resources', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '新增出诊资源', body: resourceBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const view = await kernel.scoped(ctx, async (db) => {
      const id = await createResource(db, ctx, req.body as ResourceInput);
      await kernel.audit(db, ctx, { action: 'schedule.resource_create', entityType: 'Schedule', entityId: id, detail: req.body as Record<string, unknown> });
      return readResource(db, id);
    });
    return reply.code(201).send(view);
  });

  app.put('/api/scheduling/resources/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '修改出诊资源（停用：active=false）', params: idParams, body: resourceBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      await updateResource(db, ctx, id, req.body as ResourceInput);
      await kernel.audit(db, ctx, { action: 'schedule.resource_update', entityType: 'Schedule', entityId: id, detail: req.body as Record<string, unknown> });
      return readResource(db, id);
    });
  });

  app.delete('/api/scheduling/resources/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '删除未使用过的出诊资源（已有排班的请停用）', params: idParams },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, async (db) => {
      await deleteResource(db, ctx, id);
      await kernel.audit(db, ctx, { action: 'schedule.resource_delete', entityType: 'Schedule', entityId: id });
    });
    return reply.code(204).send();
  });

  app.get('/api/scheduling/resources/:id', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '出诊资源详情', params: idParams },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const view = await readResource(kernel.pool, id);
    if (!view) throw notFound();
    return view;
  });

  app.get('/api/scheduling/all-departments', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '本机构全部科室（新增出诊资源时选择），含已有出诊资源数' },
  }, async (req) => {
    const { rows } = await kernel.pool.query(
      `SELECT d.id, d.name, d.code, (SELECT count(*)::int FROM sched_resource r WHERE r.department_id = d.id AND r.active) AS resources
       FROM org_unit d WHERE d.kind = 'department' AND d.institution_id = $1 AND d.active ORDER BY d.code`, [req.ctx!.actor.institutionId]);
    return rows;
  });

  app.get('/api/scheduling/practitioners', {
    config: { permission: 'schedule.read' },
    schema: {
      tags, summary: '本机构可出诊的人员（排班、替诊选择医生用）',
      querystring: Type.Object({ departmentId: Type.Optional(Type.Integer({ minimum: 1 })) }),
    },
  }, async (req) => {
    const q = req.query as { departmentId?: number };
    const { rows } = await kernel.pool.query(
      `SELECT a.id, a.display_name AS name, a.title,
         array_agg(DISTINCT d.name ORDER BY d.name) FILTER (WHERE d.name IS NOT NULL) AS departments,
         bool_or(s.department_id = $2) AS "inDepartment"
       FROM account a JOIN assignment s ON s.account_id = a.id JOIN role r ON r.id = s.role_id
       LEFT JOIN org_unit d ON d.id = s.department_id
       WHERE s.institution_id = $1 AND a.status = 'active' AND r.admin_kind IS NULL
       GROUP BY a.id ORDER BY bool_or(s.department_id = $2) DESC NULLS LAST, a.display_name`, [req.ctx!.actor.institutionId, q.departmentId ?? null]);
    return rows.map((r) => ({ ...r, departments: r.departments ?? [], inDepartment: !!r.inDepartment }));
  });
}
