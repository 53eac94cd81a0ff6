import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { notFound, type Kernel } from '@kangyun/kernel';
import { markStaffInboxRead, staffInbox } from '../inbox.js';
import { TAGS } from './tags.js';

const inboxQuery = Type.Object({
  unreadOnly: Type.Boolean({ default: false }),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});
const idParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** The signed-in staff member's own in-app messages: no permission beyond being signed in. */
export function inboxRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/notifications/inbox', {
    schema: { tags: TAGS, summary: '我的站内消息（最新在前，含未读数）', querystring: inboxQuery },
  }, async (req) => {
    const ctx = req.ctx!;
    const q = req.query as Static<typeof inboxQuery>;
    const accountId = ctx.actor.accountId;
    if (accountId === null) return { items: [], total: 0, unread: 0 };
    return kernel.scoped(ctx, (db) => staffInbox(db, accountId, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize, unreadOnly: q.unreadOnly }));
  });

  app.post('/api/notifications/inbox/:id/read', {
    schema: { tags: TAGS, summary: '把一条站内消息标为已读', params: idParams },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { id } = req.params as Static<typeof idParams>;
    const accountId = ctx.actor.accountId;
    if (accountId === null) throw notFound();
    await kernel.scoped(ctx, async (db) => {
      if ((await markStaffInboxRead(db, accountId, [id])) > 0) return;
      // already read is fine; someone else's message or none at all is not found
      const { rows } = await db.query(
        `SELECT 1 FROM notification_outbox WHERE id = $1 AND channel = 'inapp' AND recipient_kind = 'staff' AND account_id = $2`, [id, accountId]);
      if (rows.length === 0) throw notFound();
    });
    return reply.code(204).send();
  });

  app.post('/api/notifications/inbox/read-all', {
    schema: { tags: TAGS, summary: '把我的全部站内消息标为已读' },
  }, async (req) => {
    const ctx = req.ctx!;
    const accountId = ctx.actor.accountId;
    if (accountId === null) return { updated: 0 };
    return { updated: await kernel.scoped(ctx, (db) => markStaffInboxRead(db, accountId)) };
  });
}
