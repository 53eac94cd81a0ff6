import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, fieldError, invalid, type Kernel, type Queryable } from '@kangyun/kernel';
import { bookSlot, idempotencyOwner } from '../booking/book.js';
import { cancelAppointment } from '../booking/cancel.js';
import { rescheduleAppointment } from '../booking/reschedule.js';
import { PORTAL_CHANNEL } from './catalogue.js';
import { auditPortalRead, lockOwn, ownAppointment, patientCtx, portalPatientId } from './context.js';
import { listOwn, readOwn } from './appointment-view.js';
import { idParams, portalBookBody, portalCancelBody, portalRescheduleBody, tags } from './schemas.js';

function idempotencyKey(req: FastifyRequest, body?: string): string | null {
  const header = req.headers['idempotency-key'];
  return body ?? (typeof header === 'string' && header.length >= 8 ? header.slice(0, 100) : null);
}

export async function sessionInstitution(db: Queryable, sessionId: number): Promise<number> {
  const { rows } = await db.query('SELECT institution_id FROM sched_session WHERE id = $1', [sessionId]);
  if (!rows[0]) throw invalid([fieldError('sessionId', 'unknown', 'scheduling.session_unknown')]);
  return Number(rows[0].institution_id);
}

/**
 * A patient books where the institution keeps a record of them (就诊档案): that record is how the
 * desk, the doctor and the queue find them. The page creates it first (POST /api/portal/records).
 */
export async function requireRecord(db: Queryable, patientId: number, institutionId: number): Promise<void> {
  const { rows } = await db.query(
    `SELECT i.name, EXISTS (SELECT 1 FROM patient_record r WHERE r.patient_id = $1 AND r.institution_id = i.id) AS has
     FROM org_unit i WHERE i.id = $2`, [patientId, institutionId]);
  if (!rows[0]?.has) {
    const institution = rows[0]?.name ?? '';
    throw new AppError(409, 'record_required', 'scheduling.portal.record_required', { institution }, [], { institutionId, institution });
  }
}

/**
 * The patient's own bookings from the phone: the 微信/H5 channel's quota and rules (release window,
 * cut-off, cancellation deadline, no-show block), in the institution's scope, only ever their own rows.
 */
export function appointmentRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.post('/api/portal/appointments', {
    config: { portal: true },
    schema: { tags, summary: '本人预约一个号（微信/H5 渠道配额与规则；幂等键防重复）', body: portalBookBody },
  }, async (req, reply) => {
    const patientId = portalPatientId(req);
    const body = req.body as { sessionId: number; slotId?: number; idempotencyKey?: string };
    const institutionId = await sessionInstitution(kernel.pool, body.sessionId);
    await requireRecord(kernel.pool, patientId, institutionId);
    const ctx = patientCtx(req, institutionId);
    const view = await kernel.scoped(ctx, (db) => bookSlot(kernel, ctx, db, {
      patientId, sessionId: body.sessionId, slotId: body.slotId ?? null, channel: PORTAL_CHANNEL, selfService: true,
      idempotencyKey: idempotencyKey(req, body.idempotencyKey),
    }, idempotencyOwner(ctx, patientId)));
    const own = await readOwn(kernel.pool, view.id);
    return reply.code(view.replayed ? 200 : 201).send({ ...own, replayed: view.replayed ?? false });
  });

  app.get('/api/portal/appointments', {
    config: { portal: true },
    schema: { tags, summary: '我的预约（最新在前）' },
  }, async (req) => {
    const patientId = portalPatientId(req);
    const items = await listOwn(kernel.pool, patientId);
    const institutions = [...new Set(items.map((a) => a.institutionId))];
    await auditPortalRead(kernel, req, (institutions.length ? institutions : [null]).map((institutionId) => ({
      institutionId,
      entry: { action: 'appointment.read', entityType: 'Patient', entityId: patientId, patientId, detail: { list: true, portal: true, count: items.filter((a) => a.institutionId === institutionId).length } },
    })));
    return { items };
  });

  app.get('/api/portal/appointments/:id', {
    config: { portal: true },
    schema: { tags, summary: '我的预约详情（签到与排队链接、检查前准备）', params: idParams },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const own = await ownAppointment(kernel.pool, portalPatientId(req), id);
    const view = await readOwn(kernel.pool, id);
    await auditPortalRead(kernel, req, [{ institutionId: own.institutionId, entry: { action: 'appointment.read', entityType: 'Appointment', entityId: id, patientId: view.patientId, detail: { portal: true } } }]);
    return view;
  });

  app.post('/api/portal/appointments/:id/cancel', {
    config: { portal: true },
    schema: { tags, summary: '取消本人预约（须在取消时限前；号源释放给候补）', params: idParams, body: portalCancelBody },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const patientId = portalPatientId(req);
    const own = await ownAppointment(kernel.pool, patientId, id);
    const { reason } = req.body as { reason: string };
    const ctx = patientCtx(req, own.institutionId);
    await kernel.scoped(ctx, async (db) => {
      await lockOwn(db, patientId, id);
      return cancelAppointment(kernel, ctx, db, id, { reason: reason.trim() || '患者取消', channel: PORTAL_CHANNEL });
    });
    return readOwn(kernel.pool, id);
  });

  app.post('/api/portal/appointments/:id/reschedule', {
    config: { portal: true },
    schema: { tags, summary: '改约本人预约到同一机构的另一个号（新号约到才释放原号）', params: idParams, body: portalRescheduleBody },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const patientId = portalPatientId(req);
    const own = await ownAppointment(kernel.pool, patientId, id);
    const body = req.body as { sessionId: number; slotId?: number };
    if ((await sessionInstitution(kernel.pool, body.sessionId)) !== own.institutionId) {
      throw invalid([fieldError('sessionId', 'other_institution', 'scheduling.portal.other_institution')]);
    }
    const ctx = patientCtx(req, own.institutionId);
    const next = await kernel.scoped(ctx, async (db) => {
      await lockOwn(db, patientId, id);
      return rescheduleAppointment(kernel, ctx, db, id, { sessionId: body.sessionId, slotId: body.slotId ?? null }, PORTAL_CHANNEL, idempotencyOwner(ctx, patientId), true);
    });
    return readOwn(kernel.pool, next.id);
  });
}
