import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Kernel } from '@kangyun/kernel';
import { createHoliday, deleteHoliday, importHolidays, listHolidays, updateHoliday, type HolidayInput } from '../holidays.js';
import { createSeason, deleteSeason, listSeasons, updateSeason, type SeasonInput } from '../seasons.js';
import { dateSchema, holidayBody, holidayImportBody, idParams, seasonBody } from '../schemas.js';

const tags = ['排班与号源 Schedules'];

export function calendarRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/scheduling/seasons', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '时令（夏令/冬令作息时间）' },
  }, async (req) => listSeasons(kernel.pool, req.ctx!.actor.institutionId));

  app.post('/api/scheduling/seasons', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '新增时令：每年的起止（月-日）与上午/下午开始、结束时间', body: seasonBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    await kernel.scoped(ctx, async (db) => {
      const id = await createSeason(db, ctx, req.body as SeasonInput);
      await kernel.audit(db, ctx, { action: 'schedule.season_create', entityType: 'Schedule', entityId: id, detail: req.body as Record<string, unknown> });
    });
    return reply.code(201).send(await listSeasons(kernel.pool, ctx.actor.institutionId));
  });

  app.put('/api/scheduling/seasons/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '修改时令', params: idParams, body: seasonBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, async (db) => {
      await updateSeason(db, ctx, id, req.body as SeasonInput);
      await kernel.audit(db, ctx, { action: 'schedule.season_update', entityType: 'Schedule', entityId: id, detail: req.body as Record<string, unknown> });
    });
    return listSeasons(kernel.pool, ctx.actor.institutionId);
  });

  app.delete('/api/scheduling/seasons/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '删除时令', params: idParams },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, async (db) => {
      await deleteSeason(db, ctx, id);
      await kernel.audit(db, ctx, { action: 'schedule.season_delete', entityType: 'Schedule', entityId: id });
    });
    return reply.code(204).send();
  });

  app.get('/api/scheduling/holidays', {
    config: { permission: 'schedule.read' },
    schema: {
      tags, summary: '节假日与调休（全区与本机构；本机构记录优先）',
      querystring: Type.Object({
        year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
        from: Type.Optional(dateSchema),
        to: Type.Optional(dateSchema),
      }),
    },
  }, async (req) => {
    const q = req.query as { year?: number; from?: string; to?: string };
    const year = q.year ?? new Date().getFullYear();
    return listHolidays(kernel.pool, req.ctx!, { from: q.from ?? `${year}-01-01`, to: q.to ?? `${year}-12-31` });
  });

  app.post('/api/scheduling/holidays', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '新增节假日（放假）或调休上班日（按星期几排班）', body: holidayBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as HolidayInput & { regionWide?: boolean };
    const id = await kernel.scoped(ctx, async (db) => {
      const newId = await createHoliday(db, ctx, body);
      await kernel.audit(db, ctx, { action: 'schedule.holiday_create', entityType: 'Schedule', entityId: newId, detail: { ...body } });
      return newId;
    });
    return reply.code(201).send({ id });
  });

  app.put('/api/scheduling/holidays/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '修改节假日记录', params: idParams, body: holidayBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, async (db) => {
      await updateHoliday(db, ctx, id, req.body as HolidayInput);
      await kernel.audit(db, ctx, { action: 'schedule.holiday_update', entityType: 'Schedule', entityId: id, detail: { ...(req.body as HolidayInput) } });
    });
    return { id };
  });

  app.delete('/api/scheduling/holidays/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '删除节假日记录', params: idParams },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, async (db) => {
      await deleteHoliday(db, ctx, id);
      await kernel.audit(db, ctx, { action: 'schedule.holiday_delete', entityType: 'Schedule', entityId: id });
    });
    return reply.code(204).send();
  });

  app.post('/api/scheduling/holidays/import', {
    config: { permission: 'schedule.manage' },
    schema: {
      tags, summary: '导入一年的节假日与调休（JSON 列表，如国务院办公厅通知）；同日期覆盖，replace=true 时先删除该年其余记录',
      body: holidayImportBody,
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const body = req.body as Parameters<typeof importHolidays>[2];
    return kernel.scoped(ctx, async (db) => {
      const result = await importHolidays(db, ctx, body);
      await kernel.audit(db, ctx, { action: 'schedule.holiday_import', entityType: 'Schedule', detail: { year: body.year, regionWide: !!body.regionWide, ...result } });
      return result;
    });
  });
}
