import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Kernel } from '@kangyun/kernel';
import { describeFilters, filterQuery, filterWhere } from '../query/filters.js';
import { searchAuditPage, toApiItem } from '../query/rows.js';
import { boundedSearch } from '../query/timeout.js';
import { TAGS } from './tags.js';

/** beyond this the total is reported as "at least" (see countAuditRows) */
export const COUNT_CAP = 10_000;

const searchQuery = Type.Composite([
  filterQuery,
  Type.Object({
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  }),
]);

export function searchRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/audit', {
    config: { permission: 'audit.read' },
    schema: {
      tags: TAGS,
      summary: '查询审计日志（默认最近 7 天，最新在前；total 超过 10000 时 totalExact 为 false）',
      querystring: searchQuery,
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const q = req.query as Static<typeof searchQuery>;
    const { where, start, end } = filterWhere(q, ctx.actor);
    return kernel.scoped(ctx, async (db) => {
      const { rows, total, exact } = await boundedSearch(db, () => searchAuditPage(db, where, q.pageSize, (q.page - 1) * q.pageSize, COUNT_CAP));
      // reading the log is itself audited: one entry per search request
      await kernel.audit(db, ctx, { action: 'audit.search', detail: { ...describeFilters(q, { start, end }), total, returned: rows.length } });
      return { items: rows.map((r) => toApiItem(r, ctx.request.lang)), total, totalExact: exact };
    });
  });
}
