import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { notFound, type Kernel } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { bookSlot, bookingLocks, idempotencyOwner, isIdempotencyRace } from '../booking/book.js';
import { cancelAppointment } from '../booking/cancel.js';
import { rescheduleAppointment } from '../booking/reschedule.js';
import { addOnNumber } from '../booking/add-on.js';
import { joinWaitlist } from '../booking/waitlist.js';
import { resolveChannel } from '../booking/channel.js';
import { readAppointment } from '../booking/read.js';
import { searchAppointments } from '../booking/search.js';
import { bookBody, cancelBody, channelSchema, dateSchema, idParams, rescheduleBody } from './schemas.js';

const tags = ['预约 Appointments'];

function idempotencyKey(req: FastifyRequest, body?: string): string | null {
  const header = req.headers['idempotency-key'];
  return body ?? (typeof header === 'string' && header.length >= 8 ? header.slice(0, 100) : null);
}

export function appointmentRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.post('/api/appointments', {
    config: { permission: 'appointment.book' },
    schema: { tags, summary: '预约（或锁定）一个号：指定号或取该出诊单元第一个可用号；按渠道配额；幂等键防重复', body: bookBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { patientId: number; sessionId: number; slotId?: number; channel?: Channel; hold?: boolean; reservation?: 'followup' | 'referral'; idempotencyKey?: string; note?: string };
    const channel = await resolveChannel(kernel.pool, ctx, body.channel);
    const key = idempotencyKey(req, body.idempotencyKey);
    const book = () => kernel.scoped(ctx, (db) => bookSlot(kernel, ctx, db, {
      patientId: body.patientId, sessionId: body.sessionId, slotId: body.slotId ?? null, channel, status: body.hold ? 'held' : 'booked',
      reservation: body.reservation ?? null, idempotencyKey: key, note: body.note ?? null, lockHeld: true,
    }, idempotencyOwner(ctx)), bookingLocks(body.patientId));
    // a retry that raced its first attempt: once the first committed, asking again replays it
    const view = await book().catch((err) => (isIdempotencyRace(err) ? book() : Promise.reject(err)));
    return reply.code(view.replayed ? 200 : 201).send(view);
  });

  app.get('/api/appointments', {
    config: { permission: 'appointment.read' },
    schema: {
      tags, summary: '预约查询：按患者、日期、科室、医生、状态、渠道',
      querystring: Type.Object({
        patientId: Type.Optional(Type.Integer({ minimum: 1 })),
        date: Type.Optional(dateSchema),
        from: Type.Optional(dateSchema),
        to: Type.Optional(dateSchema),
        departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
        practitionerId: Type.Optional(Type.Integer({ minimum: 1 })),
        sessionId: Type.Optional(Type.Integer({ minimum: 1 })),
        status: Type.Optional(Type.String({ maxLength: 20 })),
        channel: Type.Optional(channelSchema),
        page: Type.Integer({ minimum: 1, default: 1 }),
        pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
      }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const q = req.query as Parameters<typeof searchAppointments>[1] & { page: number; pageSize: number };
    return kernel.scoped(ctx, async (db) => {
      const result = await searchAppointments(db, q, q.pageSize, (q.page - 1) * q.pageSize);
      const patients = [...new Set(result.items.map((a) => a.patientId))];
      if (patients.length) await kernel.audit(db, ctx, patients.map((patientId) => ({ action: 'appointment.read', entityType: 'Patient', entityId: patientId, patientId, detail: { list: true } })));
      return { ...result, page: q.page, pageSize: q.pageSize };
    }, { genericPlans: true, appendWithCommit: true });
  });

  app.get('/api/appointments/:id', {
    config: { permission: 'appointment.read' },
    schema: { tags, summary: '预约详情', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      const view = await readAppointment(db, id);
      if (!view) throw notFound();
      await kernel.audit(db, ctx, { action: 'appointment.read', entityType: 'Appointment', entityId: id, patientId: view.patientId });
      return view;
    });
  });

  app.post('/api/appointments/:id/cancel', {
    config: { permission: 'appointment.book' },
    schema: { tags, summary: '取消预约（号源释放，候补患者按顺序自动递补）', params: idParams, body: cancelBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as { reason: string; version?: number; channel?: Channel };
    const channel = await resolveChannel(kernel.pool, ctx, body.channel);
    return kernel.scoped(ctx, (db) => cancelAppointment(kernel, ctx, db, id, { reason: body.reason, channel, expectedVersion: body.version }));
  });

  app.post('/api/appointments/:id/reschedule', {
    config: { permission: 'appointment.book' },
    schema: { tags, summary: '改约：新号预约成功才释放原号（同一事务）', params: idParams, body: rescheduleBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as { sessionId: number; slotId?: number; channel?: Channel };
    const channel = await resolveChannel(kernel.pool, ctx, body.channel);
    return kernel.scoped(ctx, (db) => rescheduleAppointment(kernel, ctx, db, id, body, channel, idempotencyOwner(ctx)));
  });

  app.post('/api/appointments/add-on', {
    config: { permission: ['appointment.book', 'appointment.addon'] },
    schema: {
      tags, summary: '加号（按机构加号策略）',
      body: Type.Object({ sessionId: Type.Integer({ minimum: 1 }), patientId: Type.Integer({ minimum: 1 }), channel: Type.Optional(channelSchema) }),
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { sessionId: number; patientId: number; channel?: Channel };
    const channel = await resolveChannel(kernel.pool, ctx, body.channel ?? 'doctor');
    const view = await kernel.scoped(ctx, (db) => addOnNumber(kernel, ctx, db, body.sessionId, body.patientId, channel));
    return reply.code(201).send(view);
  });

  app.post('/api/scheduling/sessions/:id/waitlist', {
    config: { permission: 'appointment.book' },
    schema: { tags, summary: '候补：号满时登记，有人退号按顺序自动预约', params: idParams, body: Type.Object({ patientId: Type.Integer({ minimum: 1 }), channel: Type.Optional(channelSchema) }) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as { patientId: number; channel?: Channel };
    const channel = await resolveChannel(kernel.pool, ctx, body.channel);
    const result = await kernel.scoped(ctx, (db) => joinWaitlist(kernel, ctx, db, id, body.patientId, channel));
    return reply.code(201).send(result);
  });
}
