import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError, notFound, sendTable, t, type Kernel, type ScopedClient } from '@kangyun/kernel';
import {
  countDeliveries, deliveryFilters, deliveryWhere, exportColumns, exportRow, selectDeliveries, toApiItem, visibleInstitutions, type DeliveryFilters,
} from './deliveries-query.js';
import { TAGS } from './tags.js';

export const COUNT_CAP = 10_000;
export const EXPORT_MAX_ROWS = 50_000;
export const RETRY_MAX_IDS = 500;

const listQuery = Type.Composite([
  deliveryFilters,
  Type.Object({
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  }),
]);
const exportQuery = Type.Composite([
  deliveryFilters,
  Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }) }),
]);
const idParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const retryBody = Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: RETRY_MAX_IDS }) });

const given = (q: object) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));

/** Staff view of what was sent to whom, whether it arrived, and why not. */
export function deliveryRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/notifications', {
    config: { permission: 'notification.read' },
    schema: { tags: TAGS, summary: '消息发送记录（最新在前；total 超过 10000 时 totalExact 为 false）', querystring: listQuery },
  }, async (req) => {
    const ctx = req.ctx!;
    const q = req.query as Static<typeof listQuery>;
    const where = deliveryWhere(q, ctx.actor);
    return kernel.scoped(ctx, async (db) => {
      const counted = await countDeliveries(db, where, COUNT_CAP);
      const rows = await selectDeliveries(db, where, q.pageSize, (q.page - 1) * q.pageSize);
      // the messages name patients: reading them is audited like any patient data
      await kernel.audit(db, ctx, {
        action: 'notification.search', patientId: q.patientId ?? null, detail: { ...given(q), total: counted.total, returned: rows.length },
      });
      return { items: rows.map((r) => toApiItem(r, kernel.crypto, ctx.request.lang)), total: counted.total, totalExact: counted.exact };
    });
  });

  app.get('/api/notifications/export', {
    config: { permission: 'notification.read' },
    schema: { tags: TAGS, summary: `导出消息发送记录（Excel/CSV，最多 ${EXPORT_MAX_ROWS} 条；导出记入审计）`, querystring: exportQuery },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const q = req.query as Static<typeof exportQuery>;
    const filters: DeliveryFilters = q;
    const where = deliveryWhere(filters, ctx.actor);
    const rows = await kernel.scoped(ctx, async (db) => {
      const counted = await countDeliveries(db, where, EXPORT_MAX_ROWS);
      if (!counted.exact) {
        await kernel.audit(db, ctx, { action: 'notification.export', outcome: 'failure', detail: { ...given(q), reason: 'too_many_rows', max: EXPORT_MAX_ROWS } });
        return null;
      }
      const found = await selectDeliveries(db, where, EXPORT_MAX_ROWS);
      await kernel.audit(db, ctx, { action: 'notification.export', patientId: q.patientId ?? null, detail: { ...given(q), count: found.length } });
      return found;
    });
    if (!rows) throw new AppError(422, 'export_too_many', 'notification.export_too_many', { max: EXPORT_MAX_ROWS });
    const lang = ctx.request.lang;
    return sendTable(reply, q.format, t('notification.export_title', lang), exportColumns(lang), rows.map((r) => exportRow(r, kernel.crypto, lang)));
  });

  const retry = async (db: ScopedClient, ids: number[], institutions: number[]) => {
    const { rows } = await db.query<{ id: number; patient_id: number | null; channel: string }>(
      `UPDATE notification_outbox SET status = 'pending', next_attempt_at = now()
       WHERE id = ANY($1::bigint[]) AND institution_id = ANY($2::bigint[]) AND status IN ('failed', 'dead')
       RETURNING id, patient_id, channel`, [ids, institutions]);
    return rows;
  };

  app.post('/api/notifications/:id/retry', {
    config: { permission: 'notification.admin' },
    schema: { tags: TAGS, summary: '重发一条发送失败或已放弃的消息（立即再试一次）', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as Static<typeof idParams>;
    const institutions = visibleInstitutions(ctx.actor);
    const done = await kernel.scoped(ctx, async (db) => {
      const [row] = await retry(db, [id], institutions);
      if (row) {
        await kernel.audit(db, ctx, { action: 'notification.retry', entityType: 'notification', entityId: id, patientId: row.patient_id, detail: { channel: row.channel } });
        return true;
      }
      const { rows } = await db.query('SELECT status FROM notification_outbox WHERE id = $1 AND institution_id = ANY($2::bigint[])', [id, institutions]);
      if (rows.length === 0) throw notFound();
      return false;
    });
    if (!done) throw new AppError(409, 'not_retryable', 'notification.not_retryable');
    return { id, status: 'pending' };
  });

  app.post('/api/notifications/retry', {
    config: { permission: 'notification.admin' },
    schema: { tags: TAGS, summary: `批量重发发送失败或已放弃的消息（每次最多 ${RETRY_MAX_IDS} 条；其余状态的忽略）`, body: retryBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { ids } = req.body as Static<typeof retryBody>;
    return kernel.scoped(ctx, async (db) => {
      const rows = await retry(db, [...new Set(ids)], visibleInstitutions(ctx.actor));
      if (rows.length) {
        await kernel.audit(db, ctx, rows.map((r) => ({
          action: 'notification.retry', entityType: 'notification', entityId: r.id, patientId: r.patient_id, detail: { channel: r.channel, batch: true },
        })));
      }
      return { retried: rows.length, ids: rows.map((r) => r.id) };
    });
  });
}
