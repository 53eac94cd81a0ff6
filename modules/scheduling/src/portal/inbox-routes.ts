import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { notFound, type Kernel, type Queryable } from '@kangyun/kernel';
import { auditPortalRead, portalPatientId } from './context.js';
import { idParams, tags } from './schemas.js';

/**
 * 我的消息: the patient's in-app messages. Data flow: scheduling queues booking notices with
 * kernel.notify (table notification_outbox, channel 'inapp', recipient_kind 'patient', patient_id)
 * in the booking's transaction; the notifications module delivers them (marks the in-app row sent);
 * this route reads those rows back for the signed-in patient only. Modules may not import each
 * other, so this mirrors the selection of patientInbox() in @kangyun/notifications (delivered =
 * sent, or pending and due) in SQL on the outbox the kernel owns.
 */
const MINE = `o.channel = 'inapp' AND o.recipient_kind = 'patient' AND o.patient_id = $1
  AND (o.status = 'sent' OR (o.status = 'pending' AND o.next_attempt_at <= now()))`;

async function inbox(db: Queryable, patientId: number, limit: number, offset: number) {
  const { rows } = await db.query(
    `SELECT o.id, o.institution_id AS "institutionId", i.name AS "institutionName", o.kind, o.title, o.body, o.link,
       o.created_at AS "createdAt", o.read_at AS "readAt"
     FROM notification_outbox o LEFT JOIN org_unit i ON i.id = o.institution_id
     WHERE ${MINE} ORDER BY o.created_at DESC, o.id DESC LIMIT $2 OFFSET $3`, [patientId, limit, offset]);
  const counts = await db.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE o.read_at IS NULL)::int AS unread FROM notification_outbox o WHERE ${MINE}`, [patientId]);
  return { items: rows, total: counts.rows[0].total as number, unread: counts.rows[0].unread as number };
}

export function inboxRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/portal/messages', {
    config: { portal: true },
    schema: {
      tags, summary: '我的消息（预约成功、取消、改约、提醒、停诊替诊通知；含未读数）',
      querystring: Type.Object({ page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
    },
  }, async (req) => {
    const patientId = portalPatientId(req);
    const { page, pageSize } = req.query as { page: number; pageSize: number };
    const result = await inbox(kernel.pool, patientId, pageSize, (page - 1) * pageSize);
    const institutions = [...new Set(result.items.map((m) => Number(m.institutionId)))];
    await auditPortalRead(kernel, req, (institutions.length ? institutions : [null]).map((institutionId) => ({
      institutionId, entry: { action: 'notification.read', entityType: 'Patient', entityId: patientId, patientId, detail: { portal: true, inbox: true } },
    })));
    return { ...result, page, pageSize };
  });

  app.get('/api/portal/messages/unread', {
    config: { portal: true },
    schema: { tags, summary: '未读消息数（底部导航角标）' },
  }, async (req) => {
    const { rows } = await kernel.pool.query(`SELECT count(*)::int AS unread FROM notification_outbox o WHERE ${MINE} AND o.read_at IS NULL`, [portalPatientId(req)]);
    return { unread: rows[0].unread as number };
  });

  app.post('/api/portal/messages/:id/read', {
    config: { portal: true },
    schema: { tags, summary: '标为已读', params: idParams },
  }, async (req, reply) => {
    const { id } = req.params as { id: number };
    const patientId = portalPatientId(req);
    const { rows } = await kernel.pool.query(`SELECT o.id FROM notification_outbox o WHERE o.id = $2 AND ${MINE}`, [patientId, id]);
    if (!rows[0]) throw notFound();
    await kernel.pool.query('UPDATE notification_outbox SET read_at = now() WHERE id = $1 AND read_at IS NULL', [id]);
    return reply.code(204).send();
  });

  app.post('/api/portal/messages/read-all', {
    config: { portal: true },
    schema: { tags, summary: '全部标为已读' },
  }, async (req) => {
    const { rowCount } = await kernel.pool.query(`UPDATE notification_outbox o SET read_at = now() WHERE ${MINE} AND o.read_at IS NULL`, [portalPatientId(req)]);
    return { updated: rowCount ?? 0 };
  });
}
