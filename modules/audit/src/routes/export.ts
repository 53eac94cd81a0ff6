import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError, sendTable, t, type Kernel } from '@kangyun/kernel';
import { describeFilters, filterQuery, filterWhere } from '../query/filters.js';
import { countAuditRows, selectAuditRows } from '../query/rows.js';
import { boundedSearch } from '../query/timeout.js';
import { exportColumns, exportRow } from './export-columns.js';
import { TAGS } from './tags.js';

export const EXPORT_MAX_ROWS = 100_000;

const exportQuery = Type.Composite([
  filterQuery,
  Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }) }),
]);

export function exportRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/audit/export', {
    config: { permission: 'audit.export' },
    schema: { tags: TAGS, summary: `导出审计日志（Excel/CSV，最多 ${EXPORT_MAX_ROWS} 条；导出本身记入审计）`, querystring: exportQuery },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const q = req.query as Static<typeof exportQuery>;
    const { where, start, end } = filterWhere(q, ctx.actor);
    const filters = describeFilters(q, { start, end });
    const rows = await kernel.scoped(ctx, async (db) => {
      // counting first (cheap, stops past the limit) avoids loading 100,000 rows only to refuse them
      const counted = await boundedSearch(db, () => countAuditRows(db, where, EXPORT_MAX_ROWS));
      if (!counted.exact) {
        // the refusal is audited too; the error is thrown after this transaction commits
        await kernel.audit(db, ctx, { action: 'audit.export', outcome: 'failure', detail: { ...filters, reason: 'too_many_rows', max: EXPORT_MAX_ROWS } });
        return null;
      }
      const found = await boundedSearch(db, () => selectAuditRows(db, where, EXPORT_MAX_ROWS));
      await kernel.audit(db, ctx, { action: 'audit.export', detail: { ...filters, count: found.length } });
      return found;
    });
    if (!rows) throw new AppError(422, 'export_too_many', 'audit.export_too_many', { max: EXPORT_MAX_ROWS });
    const lang = ctx.request.lang;
    return sendTable(reply, q.format, t('audit.export_title', lang), exportColumns(lang), rows.map((r) => exportRow(r, lang)));
  });
}
