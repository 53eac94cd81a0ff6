import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Kernel } from '@kangyun/kernel';
import { deleteArea, institutionTemplates, listAreas, listRooms, roomOptions, saveArea, saveTemplates, type AreaInput, type TemplatesInput } from '../areas/areas.js';
import { publish } from '../events/publish.js';
import { DEFAULT_TEMPLATES } from '../constants.js';
import { idParams } from './schemas.js';

const tags = ['候诊区与播报 Waiting areas'];
const MANAGE = { permission: 'queue.manage' };

const template = Type.Object({
  template: Type.String({ minLength: 1, maxLength: 200, description: '如 请{number}号{name}到{room}就诊；可用 {number} {name} {room} {place} {doctor} {queue}，{room|digits} 逐位读' }),
  repeat: Type.Integer({ minimum: 1, maximum: 5 }),
});
const templates = Type.Object({
  call: Type.Optional(Type.Union([template, Type.Null()])),
  recall: Type.Optional(Type.Union([template, Type.Null()])),
  prepare: Type.Optional(Type.Union([template, Type.Null()])),
});
const areaBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  location: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  preparePlace: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  departmentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  rooms: Type.Array(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 30, description: '屏幕显示和语音播报的诊室名，如 201 诊室' }),
    match: Type.String({ minLength: 1, maxLength: 100, description: '排班中的诊室（出诊单元/资源的诊室文字）' }),
  }), { maxItems: 40 }),
  templates: Type.Optional(templates),
});

export function areaRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/queue/areas', { config: MANAGE, schema: { tags, summary: '候诊区、诊室与播报模板' } }, async (req) => {
    const ctx = req.ctx!;
    return kernel.scoped(ctx, (db) => listAreas(db, ctx.actor.institutionId));
  });

  app.post('/api/queue/areas', { config: MANAGE, schema: { tags, summary: '新建候诊区', body: areaBody } }, async (req, reply) => {
    const ctx = req.ctx!;
    const id = await kernel.scoped(ctx, (db) => saveArea(kernel, ctx, db, null, req.body as AreaInput));
    return reply.code(201).send({ id });
  });

  app.put('/api/queue/areas/:id', { config: MANAGE, schema: { tags, summary: '修改候诊区（诊室、准备区、播报模板）；显示屏随之刷新', params: idParams, body: areaBody } }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, (db) => saveArea(kernel, ctx, db, id, req.body as AreaInput));
    return { id };
  });

  app.delete('/api/queue/areas/:id', { config: MANAGE, schema: { tags, summary: '删除候诊区（诊室保留、不再属于该区）', params: idParams } }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, (db) => deleteArea(kernel, ctx, db, id));
    return reply.code(204).send();
  });

  app.get('/api/queue/rooms', { config: MANAGE, schema: { tags, summary: '已配置的诊室（显示设备选择用）' } }, async (req) => {
    const ctx = req.ctx!;
    return kernel.scoped(ctx, (db) => listRooms(db, ctx.actor.institutionId));
  });

  app.get('/api/queue/room-options', { config: MANAGE, schema: { tags, summary: '排班中出现的诊室（配置候诊区时选择）' } }, async (req) => {
    const ctx = req.ctx!;
    return kernel.scoped(ctx, (db) => roomOptions(db, ctx.actor.institutionId));
  });

  app.get('/api/queue/templates', { config: MANAGE, schema: { tags, summary: '本院默认播报模板（候诊区未单独设置时使用）' } }, async (req) => {
    const ctx = req.ctx!;
    const own = await kernel.scoped(ctx, (db) => institutionTemplates(db, ctx.actor.institutionId));
    return { templates: own, defaults: DEFAULT_TEMPLATES };
  });

  app.put('/api/queue/templates', { config: MANAGE, schema: { tags, summary: '修改本院默认播报模板', body: templates } }, async (req) => {
    const ctx = req.ctx!;
    return kernel.scoped(ctx, async (db) => {
      await saveTemplates(db, ctx.actor.institutionId, null, req.body as TemplatesInput);
      await kernel.audit(db, ctx, { action: 'queue.templates', entityType: 'Institution', entityId: ctx.actor.institutionId, detail: req.body as Record<string, unknown> });
      await publish(db, { t: 'config', inst: ctx.actor.institutionId });
      return { templates: await institutionTemplates(db, ctx.actor.institutionId), defaults: DEFAULT_TEMPLATES };
    });
  });
}
