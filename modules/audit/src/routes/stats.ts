import type { FastifyInstance } from 'fastify';
import type { Kernel } from '@kangyun/kernel';
import { AppError } from '@kangyun/kernel';
import { describeFilters, timeQuery, timeWindow, type TimeQuery } from '../query/filters.js';
import { dailyActionCounts } from '../query/daily.js';
import { boundedSearch } from '../query/timeout.js';
import { TAGS } from './tags.js';

export const STATS_MAX_DAYS = 366;

export function statsRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/audit/stats', {
    config: { permission: 'audit.read' },
    schema: { tags: TAGS, summary: '审计事件按日（北京时间）和操作统计，供图表使用', querystring: timeQuery },
  }, async (req) => {
    const ctx = req.ctx!;
    const q = req.query as TimeQuery;
    const now = new Date();
    const { start, end } = timeWindow(q, now);
    if ((end ?? now).getTime() - start.getTime() > STATS_MAX_DAYS * 86_400_000) {
      throw new AppError(422, 'range_too_long', 'audit.range_too_long', { days: STATS_MAX_DAYS });
    }
    return kernel.scoped(ctx, async (db) => {
      const rows = await boundedSearch(db, () => dailyActionCounts(db, ctx.actor, start, end, now));
      await kernel.audit(db, ctx, { action: 'audit.search', detail: { view: 'stats', ...describeFilters(q, { start, end }) } });
      return rows;
    });
  });
}
