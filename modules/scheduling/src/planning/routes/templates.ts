import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Kernel } from '@kangyun/kernel';
import { checkRange, openGeneration, readGeneration, runGeneration, type GenerationRequest } from '../generate.js';
import { createTemplate, deleteTemplate, listTemplates, readTemplate, updateTemplate, type TemplateInput } from '../templates.js';
import { generateBody, idParams, templateBody } from '../schemas.js';

const tags = ['排班与号源 Schedules'];

export function templateRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/scheduling/templates', {
    config: { permission: 'schedule.read' },
    schema: {
      tags, summary: '计划排班（每周模板）',
      querystring: Type.Object({
        departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
        resourceId: Type.Optional(Type.Integer({ minimum: 1 })),
        includeInactive: Type.Optional(Type.Boolean()),
      }),
    },
  }, async (req) => listTemplates(kernel.pool, req.ctx!.actor.institutionId, req.query as { departmentId?: number; resourceId?: number; includeInactive?: boolean }));

  app.post('/api/scheduling/templates', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '新增计划排班：资源、星期、时段、时间、号源数、分时段、渠道配额、复诊/转诊锁号、诊查费、有效期', body: templateBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const view = await kernel.scoped(ctx, async (db) => {
      const id = await createTemplate(db, ctx, req.body as TemplateInput);
      await kernel.audit(db, ctx, { action: 'schedule.template_create', entityType: 'Schedule', entityId: id, detail: req.body as Record<string, unknown> });
      return readTemplate(db, id);
    });
    return reply.code(201).send(view);
  });

  app.put('/api/scheduling/templates/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '修改计划排班（已生成的出诊单元不变，之后生成的按新模板）', params: idParams, body: templateBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      await updateTemplate(db, ctx, id, req.body as TemplateInput);
      await kernel.audit(db, ctx, { action: 'schedule.template_update', entityType: 'Schedule', entityId: id, detail: req.body as Record<string, unknown> });
      return readTemplate(db, id);
    });
  });

  app.delete('/api/scheduling/templates/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '删除计划排班（已生成的出诊单元保留）', params: idParams },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, async (db) => {
      await deleteTemplate(db, ctx, id);
      await kernel.audit(db, ctx, { action: 'schedule.template_delete', entityType: 'Schedule', entityId: id });
    });
    return reply.code(204).send();
  });

  app.post('/api/scheduling/templates/generate', {
    config: { permission: 'schedule.manage' },
    schema: {
      tags,
      summary: '按计划排班生成出诊单元（幂等：已存在的同资源同日同时段跳过并计数；节假日跳过，调休日按指定星期生成，按时令调整时间）。'
        + '返回 created（含 movedByHoliday）、skipped、movedByHoliday、skippedByHoliday；async=true 时立即返回任务编号，进度见 GET …/generate/:id',
      body: generateBody,
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as GenerationRequest & { async?: boolean };
    const request: GenerationRequest = { from: body.from, to: body.to, departmentId: body.departmentId };
    checkRange(request);
    const jobId = await kernel.scoped(ctx, (db) => openGeneration(db, ctx, request));
    if (body.async) {
      // the page polls the run's row; a failure is recorded there (and logged)
      void runGeneration(kernel, ctx, jobId, request).catch((err) => kernel.log.error({ err, jobId }, 'session generation failed'));
      return reply.code(202).send(await kernel.scoped(ctx, (db) => readGeneration(db, ctx, jobId)));
    }
    await runGeneration(kernel, ctx, jobId, request);
    return kernel.scoped(ctx, (db) => readGeneration(db, ctx, jobId));
  });

  app.get('/api/scheduling/templates/generate/:id', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '排班生成任务的进度与结果', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => readGeneration(db, ctx, id));
  });
}
