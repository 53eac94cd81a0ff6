import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { fieldError, invalid, notFound, type Kernel } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { idempotencyOwner } from '../booking/book.js';
import { resolveChannel } from '../booking/channel.js';
import { idParams } from '../routes/schemas.js';
import { bookExam } from './book-exam.js';
import { listPatientExams, readExamAppointment } from './exam-view.js';
import { bookPlan, proposePlan } from './plans.js';
import { confirmHeldExam, rescheduleExam } from './reschedule-exam.js';
import { examBookBody, examRescheduleBody, planBookBody, proposeBody } from './schemas.js';
import { localDay } from './time-grid.js';
import type { PatientClass } from './types.js';

const tags = ['检查预约 Exam appointments'];

function idempotencyKey(req: FastifyRequest, body?: string): string | null {
  const header = req.headers['idempotency-key'];
  return body ?? (typeof header === 'string' && header.length >= 8 ? header.slice(0, 90) : null);
}

export function bookingRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.post('/api/scheduling/exam-appointments', {
    config: { permission: 'appointment.book' },
    schema: {
      tags, summary: '检查预约：在检查单元中按项目时长取最早可用时间（或指定时间），遵守规则库与渠道配额；设备时间由数据库保证不重叠',
      body: examBookBody,
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { patientId: number; examItemId?: number; examItemIds?: number[]; sessionId: number; startsAt?: string; patientClass?: PatientClass;
      channel?: Channel; hold?: boolean; orderRef?: string; idempotencyKey?: string; note?: string };
    const ids = body.examItemIds ?? (body.examItemId ? [body.examItemId] : []);
    if (!ids.length) throw invalid([fieldError('examItemId', 'required', 'scheduling.exam_item_required')]);
    const channel = await resolveChannel(kernel.pool, ctx, body.channel);
    const view = await kernel.scoped(ctx, (db) => bookExam(kernel, ctx, db, {
      patientId: body.patientId, sessionId: body.sessionId, examItemIds: ids, startsAt: body.startsAt ? new Date(body.startsAt) : null,
      channel, status: body.hold ? 'held' : 'booked', patientClass: body.patientClass, orderRef: body.orderRef ?? null,
      idempotencyKey: idempotencyKey(req, body.idempotencyKey), note: body.note ?? null, itemsField: body.examItemIds ? 'examItemIds' : 'examItemId',
    }, idempotencyOwner(ctx)));
    return reply.code(view.replayed ? 200 : 201).send(view);
  });

  app.get('/api/scheduling/exam-appointments', {
    config: { permission: 'appointment.read' },
    schema: {
      tags, summary: '患者的检查预约（含检查项目与检查前准备）',
      querystring: Type.Object({ patientId: Type.Integer({ minimum: 1 }), from: Type.Optional(Type.String({ format: 'date' })) }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const q = req.query as { patientId: number; from?: string };
    return kernel.scoped(ctx, async (db) => {
      const items = await listPatientExams(db, q.patientId, q.from ?? localDay(Date.now()));
      if (items.length) await kernel.audit(db, ctx, { action: 'appointment.read', entityType: 'Patient', entityId: q.patientId, patientId: q.patientId, detail: { exams: true } });
      return { items, total: items.length };
    });
  });

  app.get('/api/scheduling/exam-appointments/:id', {
    config: { permission: 'appointment.read' },
    schema: { tags, summary: '检查预约详情（预约单）', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      const view = await readExamAppointment(db, id);
      if (!view) throw notFound();
      await kernel.audit(db, ctx, { action: 'appointment.read', entityType: 'Appointment', entityId: id, patientId: view.patientId });
      return view;
    });
  });

  app.post('/api/scheduling/exam-appointments/:id/reschedule', {
    config: { permission: 'appointment.book' },
    schema: { tags, summary: '检查改约：新时间预约成功才释放原时间（同一事务）；取消请用 POST /api/appointments/:id/cancel', params: idParams, body: examRescheduleBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as { sessionId: number; startsAt?: string; patientClass?: PatientClass; channel?: Channel };
    const channel = await resolveChannel(kernel.pool, ctx, body.channel);
    return kernel.scoped(ctx, (db) => rescheduleExam(kernel, ctx, db, id,
      { sessionId: body.sessionId, startsAt: body.startsAt ? new Date(body.startsAt) : null, patientClass: body.patientClass }, channel, idempotencyOwner(ctx)));
  });

  app.post('/api/scheduling/exam-appointments/:id/confirm', {
    config: { permission: 'appointment.book' },
    schema: { tags, summary: '确认锁定中的检查预约（锁定未过期）', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => confirmHeldExam(kernel, ctx, db, id));
  });

  app.post('/api/scheduling/exam-plans/propose', {
    config: { permission: 'appointment.book' },
    schema: { tags, summary: '检查组合预约方案：满足全部规则，尽量少跑趟、尽早完成；并说明被规则阻止的备选时间', body: proposeBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const body = req.body as { patientId: number; examItemIds: number[]; from: string; to: string; patientClass?: PatientClass; channel?: Channel };
    const channel = await resolveChannel(kernel.pool, ctx, body.channel);
    return kernel.scoped(ctx, (db) => proposePlan(kernel, ctx, db, { ...body, patientClass: body.patientClass ?? 'outpatient', channel }));
  });

  app.post('/api/scheduling/exam-plans/book', {
    config: { permission: 'appointment.book' },
    schema: { tags, summary: '按方案一次预约全部检查（全部成功或全部不预约）', body: planBookBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as { patientId: number; patientClass?: PatientClass; channel?: Channel; orderRef?: string; idempotencyKey?: string;
      visits: { examItemIds: number[]; sessionId: number; startsAt: string }[] };
    const channel = await resolveChannel(kernel.pool, ctx, body.channel);
    const appointments = await kernel.scoped(ctx, (db) => bookPlan(kernel, ctx, db, {
      patientId: body.patientId, patientClass: body.patientClass ?? 'outpatient', channel, orderRef: body.orderRef ?? null,
      idempotencyKey: idempotencyKey(req, body.idempotencyKey),
      visits: body.visits.map((v) => ({ ...v, startsAt: new Date(v.startsAt) })),
    }, idempotencyOwner(ctx)));
    return reply.code(appointments.some((a) => a.replayed) ? 200 : 201).send({ appointments });
  });
}
