import type { FastifyInstance } from 'fastify';
import type { Kernel } from '@kangyun/kernel';
import { deleteDepartmentRules, listDepartmentRules, readRules, saveRules, type RuleFields } from '../rules-editor.js';
import { assertDepartment } from '../scope.js';
import { idParams, ruleBody } from '../schemas.js';

const tags = ['预约规则 Booking rules'];

export function ruleRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/scheduling/rules', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '本机构预约规则（rule：本级设置，null 为默认；effective：生效值）及科室单独设置的列表' },
  }, async (req) => {
    const institutionId = req.ctx!.actor.institutionId;
    return { ...(await readRules(kernel.pool, institutionId, null)), departments: await listDepartmentRules(kernel.pool, institutionId) };
  });

  app.put('/api/scheduling/rules', {
    config: { permission: 'schedule.manage' },
    schema: {
      tags, body: ruleBody,
      summary: '保存本机构预约规则（未传或 null 的字段用默认值）；修改提前天数、放号时间、停约时间会重算未结束出诊单元的开放与截止时间',
    },
  }, async (req) => {
    const ctx = req.ctx!;
    return kernel.scoped(ctx, async (db) => {
      const { view, recomputedSessions } = await saveRules(db, ctx, null, req.body as Partial<RuleFields>);
      await kernel.audit(db, ctx, { action: 'schedule.rules_update', entityType: 'Schedule', detail: { scope: 'institution', rule: req.body as Record<string, unknown>, recomputedSessions } });
      return { ...view, recomputedSessions };
    });
  });

  app.get('/api/scheduling/rules/departments/:id', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '科室预约规则（rule：科室单独设置，null 为沿用本机构；effective：生效值）', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await assertDepartment(kernel.pool, ctx, id, 'id');
    return readRules(kernel.pool, ctx.actor.institutionId, id);
  });

  app.put('/api/scheduling/rules/departments/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '保存科室预约规则（null 为沿用本机构设置），如妇科仅限女性、儿科年龄上限', params: idParams, body: ruleBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      const { view, recomputedSessions } = await saveRules(db, ctx, id, req.body as Partial<RuleFields>);
      await kernel.audit(db, ctx, { action: 'schedule.rules_update', entityType: 'Schedule', entityId: id, detail: { scope: 'department', rule: req.body as Record<string, unknown>, recomputedSessions } });
      return { ...view, recomputedSessions };
    });
  });

  app.delete('/api/scheduling/rules/departments/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '删除科室单独设置（全部沿用本机构规则）', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      const recomputedSessions = await deleteDepartmentRules(db, ctx, id);
      await kernel.audit(db, ctx, { action: 'schedule.rules_update', entityType: 'Schedule', entityId: id, detail: { scope: 'department', removed: true, recomputedSessions } });
      return { ...(await readRules(db, ctx.actor.institutionId, id)), recomputedSessions };
    });
  });
}
