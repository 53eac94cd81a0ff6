import type { FastifyInstance } from 'fastify';
import type { Kernel } from '@kangyun/kernel';
import { countVisibleEntries } from '../query/daily.js';
import { TAGS } from './tags.js';

/** The log is append-only: retention is reported (等保: at least 180 days kept), never enforced by deletion. */
export function retentionRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/audit/retention', {
    config: { permission: 'audit.read' },
    schema: { tags: TAGS, summary: '审计日志保存期限与现存记录（日志只追加，不提供删除）' },
  }, async (req) => {
    const ctx = req.ctx!;
    return kernel.scoped(ctx, async (db) => {
      const { rows } = await db.query<{ retention_days: number; oldest: Date | null }>(
        `SELECT (SELECT audit_retention_days FROM security_policy WHERE id = 1) AS retention_days,
                (SELECT at FROM audit_event ORDER BY at LIMIT 1) AS oldest`,
      );
      const entries = await countVisibleEntries(db, ctx.actor);
      return { retentionDays: rows[0].retention_days, oldestEntryAt: rows[0].oldest, entries };
    });
  });
}
