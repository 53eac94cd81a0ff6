import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { notFound, type Kernel } from '@kangyun/kernel';
import type { Modality } from '../constants.js';
import { idParams } from '../routes/schemas.js';
import { createExamItem, listExamItems, readExamItems, updateExamItem, type ExamItemInput } from './items.js';
import { createExamRule, deleteExamRule, listExamRules, updateExamRule, type ExamRuleInput } from './rules.js';
import { examItemBody, examRuleBody, modalitySchema } from './schemas.js';

const tags = ['检查预约 Exam appointments'];

/** 项目管理 and 检查预约规则库: everyone who books reads them; schedule managers edit them */
export function catalogueRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/scheduling/exam-items', {
    config: { permission: 'schedule.read' },
    schema: {
      tags, summary: '检查项目目录（时长、设备类型、检查前准备）',
      querystring: Type.Object({ modality: Type.Optional(modalitySchema), q: Type.Optional(Type.String({ maxLength: 40 })), includeInactive: Type.Optional(Type.Boolean()) }),
    },
  }, async (req) => {
    const q = req.query as { modality?: Modality; q?: string; includeInactive?: boolean };
    const items = await listExamItems(kernel.pool, req.ctx!.actor.institutionId, q);
    return { items, total: items.length };
  });

  app.get('/api/scheduling/exam-items/:id', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '检查项目详情', params: idParams },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const [item] = await readExamItems(kernel.pool, req.ctx!.actor.institutionId, [id]);
    if (!item) throw notFound();
    return item;
  });

  app.post('/api/scheduling/exam-items', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '新增检查项目', body: examItemBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const item = await kernel.scoped(ctx, (db) => createExamItem(kernel, ctx, db, req.body as ExamItemInput));
    return reply.code(201).send(item);
  });

  app.put('/api/scheduling/exam-items/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '修改检查项目（停用：active=false）', params: idParams, body: examItemBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => updateExamItem(kernel, ctx, db, id, req.body as ExamItemInput & { version?: number }));
  });

  app.get('/api/scheduling/exam-rules', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '检查预约规则库' },
  }, async (req) => {
    const items = await listExamRules(kernel.pool, req.ctx!.actor.institutionId);
    return { items, total: items.length };
  });

  app.post('/api/scheduling/exam-rules', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '新增检查预约规则', body: examRuleBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const rule = await kernel.scoped(ctx, (db) => createExamRule(kernel, ctx, db, req.body as ExamRuleInput));
    return reply.code(201).send(rule);
  });

  app.put('/api/scheduling/exam-rules/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '修改检查预约规则', params: idParams, body: examRuleBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => updateExamRule(kernel, ctx, db, id, req.body as ExamRuleInput & { version?: number }));
  });

  app.delete('/api/scheduling/exam-rules/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '删除检查预约规则', params: idParams },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, (db) => deleteExamRule(kernel, ctx, db, id));
    return reply.code(204).send();
  });
}
