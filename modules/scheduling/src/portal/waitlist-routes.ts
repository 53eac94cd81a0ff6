import type { FastifyInstance } from 'fastify';
import { conflict, notFound, type Kernel } from '@kangyun/kernel';
import { joinWaitlist } from '../booking/waitlist.js';
import { PORTAL_CHANNEL } from './catalogue.js';
import { requireRecord, sessionInstitution } from './appointment-routes.js';
import { auditPortalRead, patientCtx, portalPatientId } from './context.js';
import { idParams, tags } from './schemas.js';

/** 候补 from the phone: join a full session's waiting list, see one's place, leave it */
export function waitlistRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.post('/api/portal/sessions/:id/waitlist', {
    config: { portal: true },
    schema: { tags, summary: '登记候补（仅约满的出诊单元；有人退号按顺序自动预约并通知）', params: idParams },
  }, async (req, reply) => {
    const { id } = req.params as { id: number };
    const patientId = portalPatientId(req);
    const institutionId = await sessionInstitution(kernel.pool, id);
    await requireRecord(kernel.pool, patientId, institutionId);
    const ctx = patientCtx(req, institutionId);
    const entry = await kernel.scoped(ctx, (db) => joinWaitlist(kernel, ctx, db, id, patientId, PORTAL_CHANNEL));
    return reply.code(201).send(entry);
  });

  app.get('/api/portal/waitlist', {
    config: { portal: true },
    schema: { tags, summary: '我的候补登记（排第几位、是否已候补成功）' },
  }, async (req) => {
    const patientId = portalPatientId(req);
    const { rows } = await kernel.pool.query(
      `SELECT w.id, w.status, w.created_at AS "createdAt", w.appointment_id AS "appointmentId", w.session_id AS "sessionId",
         w.institution_id AS "institutionId", i.name AS "institutionName", d.name AS "departmentName", r.name AS "resourceName",
         pr.display_name AS "practitionerName", to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate", s.period, s.starts_at AS "startsAt",
         s.clinic_level AS "clinicLevel", s.fee::float8 AS fee,
         CASE WHEN w.status = 'waiting' THEN (SELECT count(*)::int FROM sched_waitlist x WHERE x.session_id = w.session_id AND x.status = 'waiting' AND x.id <= w.id) END AS position
       FROM sched_waitlist w JOIN sched_session s ON s.id = w.session_id JOIN sched_resource r ON r.id = s.resource_id
       JOIN org_unit i ON i.id = w.institution_id JOIN org_unit d ON d.id = w.department_id LEFT JOIN account pr ON pr.id = s.practitioner_id
       WHERE w.patient_id = $1 ORDER BY w.id DESC LIMIT 50`, [patientId]);
    const institutions = [...new Set(rows.map((r) => Number(r.institutionId)))];
    await auditPortalRead(kernel, req, (institutions.length ? institutions : [null]).map((institutionId) => ({
      institutionId, entry: { action: 'appointment.waitlist.read', entityType: 'Patient', entityId: patientId, patientId, detail: { portal: true } },
    })));
    return { items: rows.map((r) => ({ ...r, startsAt: (r.startsAt as Date).toISOString(), createdAt: (r.createdAt as Date).toISOString() })) };
  });

  app.post('/api/portal/waitlist/:id/cancel', {
    config: { portal: true },
    schema: { tags, summary: '取消本人的候补登记', params: idParams },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const patientId = portalPatientId(req);
    const { rows } = await kernel.pool.query('SELECT institution_id, patient_id, session_id FROM sched_waitlist WHERE id = $1', [id]);
    if (!rows[0] || Number(rows[0].patient_id) !== patientId) throw notFound();
    const ctx = patientCtx(req, Number(rows[0].institution_id));
    await kernel.scoped(ctx, async (db) => {
      const updated = await db.query(`UPDATE sched_waitlist SET status = 'cancelled' WHERE id = $1 AND patient_id = $2 AND status = 'waiting'`, [id, patientId]);
      if (!updated.rowCount) throw conflict('not_waiting', 'scheduling.portal.not_waiting');
      await kernel.audit(db, ctx, { action: 'appointment.waitlist.cancel', entityType: 'Schedule', entityId: Number(rows[0].session_id), patientId });
    });
    return { id, status: 'cancelled' };
  });
}
