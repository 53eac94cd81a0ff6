import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import { fieldError, invalid, type Kernel } from '@kangyun/kernel';
import { PRIORITY_GROUPS } from '../constants.js';
import { DEFAULT_QUEUE_RULE, QUEUE_RULE_COLUMNS, effectiveRule, readRuleRow, rerankToday, type QueueRuleRow } from '../rules/queue-rule.js';
import { publishQueues } from '../events/publish.js';
import { prioritySchema } from './schemas.js';

const tags = ['排队规则 Queue rules'];

const nullable = (s: TSchema) => Type.Optional(Type.Union([s, Type.Null()]));
const int = (min: number, max: number) => nullable(Type.Integer({ minimum: min, maximum: max }));
const ruleFields = {
  grouping: nullable(Type.Union([Type.Literal('session'), Type.Literal('resource_day'), Type.Literal('shared_day')])),
  checkinBeforeMinutes: int(0, 1440),
  checkinAfterMinutes: int(0, 1440),
  lateGraceMinutes: int(0, 720),
  latePolicy: nullable(Type.Union([Type.Literal('after_n'), Type.Literal('end')])),
  lateAfterN: int(0, 100),
  missedAfterCalls: int(1, 10),
  skipRequeueAfterN: int(0, 100),
  missedRejoinPolicy: nullable(Type.Union([Type.Literal('after_n'), Type.Literal('end')])),
  missedRejoinAfterN: int(0, 100),
  returnPolicy: nullable(Type.Union([Type.Literal('front'), Type.Literal('after_n'), Type.Literal('end')])),
  returnAfterN: int(0, 100),
  transferAfterN: int(0, 100),
  requeueAfterN: int(0, 100),
  priorityGroups: nullable(Type.Array(prioritySchema, { maxItems: PRIORITY_GROUPS.length })),
  elderlyAge: int(50, 120),
};

export function ruleRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/queue/rules', {
    config: { permission: 'queue.manage' },
    schema: { tags, summary: '排队规则：本院设置、科室覆盖与生效值', querystring: Type.Object({ departmentId: Type.Optional(Type.Integer({ minimum: 1 })) }) },
  }, async (req) => {
    const ctx = req.ctx!;
    const { departmentId } = req.query as { departmentId?: number };
    return kernel.scoped(ctx, async (db) => ({
      institution: await readRuleRow(db, ctx.actor.institutionId, null),
      department: departmentId ? await readRuleRow(db, ctx.actor.institutionId, departmentId) : null,
      effective: await effectiveRule(db, ctx.actor.institutionId, departmentId ?? null),
      defaults: DEFAULT_QUEUE_RULE,
    }));
  });

  app.put('/api/queue/rules', {
    config: { permission: 'queue.manage' },
    schema: {
      tags, summary: '保存排队规则（departmentId 为空 = 全院；字段为空 = 沿用上级）',
      body: Type.Object({ departmentId: nullable(Type.Integer({ minimum: 1 })), ...ruleFields }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const body = req.body as Partial<QueueRuleRow> & { departmentId?: number | null };
    const groups = body.priorityGroups;
    if (groups && new Set(groups).size !== groups.length) throw invalid([fieldError('priorityGroups', 'duplicate', 'queue.priority_groups_duplicate')]);
    const departmentId = body.departmentId ?? null;
    return kernel.scoped(ctx, async (db) => {
      if (departmentId) {
        const { rows } = await db.query(`SELECT 1 FROM org_unit WHERE id = $1 AND institution_id = $2 AND kind = 'department'`, [departmentId, ctx.actor.institutionId]);
        if (!rows[0]) throw invalid([fieldError('departmentId', 'unknown', 'queue.department_unknown')]);
      }
      const before = await readRuleRow(db, ctx.actor.institutionId, departmentId);
      const cols = QUEUE_RULE_COLUMNS.map(([, col]) => col);
      const values = QUEUE_RULE_COLUMNS.map(([field]) => body[field] ?? null);
      await db.query(
        `INSERT INTO queue_rule (institution_id, department_id, ${cols.join(', ')}, updated_by, updated_at)
         VALUES ($1, $2, ${cols.map((_, i) => `$${i + 3}`).join(', ')}, $${cols.length + 3}, now())
         ON CONFLICT (institution_id, department_id) DO UPDATE SET ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [ctx.actor.institutionId, departmentId, ...values, ctx.actor.accountId]);
      await publishQueues(db, ctx.actor.institutionId, await rerankToday(db, ctx.actor.institutionId, departmentId));
      await kernel.audit(db, ctx, { action: 'queue.rules', entityType: 'QueueRule', entityId: departmentId ?? ctx.actor.institutionId, detail: { departmentId, before, after: body } });
      return {
        institution: await readRuleRow(db, ctx.actor.institutionId, null),
        department: departmentId ? await readRuleRow(db, ctx.actor.institutionId, departmentId) : null,
        effective: await effectiveRule(db, ctx.actor.institutionId, departmentId),
        defaults: DEFAULT_QUEUE_RULE,
        previous: before,
      };
    });
  });
}
