import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { sendTable, type CallContext, type Kernel } from '@kangyun/kernel';
import { resolveStatsFilter, type StatsFilter, type StatsQuery } from './filter.js';
import { statsReport } from './report.js';
import { STATS_TABLES, exportColumns, tableJson, tableRows, tableTitle, type StatsTable } from './tables.js';

const tags = ['预约统计 Appointment statistics'];

const formatSchema = Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { description: '导出文件格式；不填返回 JSON' });
const statsQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: '开始日期（含），默认本月 1 日' })),
  to: Type.Optional(Type.String({ format: 'date', description: '结束日期（含），默认今天；最长 366 天' })),
  departmentId: Type.Optional(Type.Integer({ minimum: 1, description: '科室；不填为全院' })),
  institutionId: Type.Optional(Type.Integer({ minimum: 1, description: '机构（仅区域范围用户可选本区域其他机构）' })),
});
const tableQuery = Type.Composite([statsQuery, Type.Object({ format: Type.Optional(formatSchema) })]);

const SUMMARIES: Record<StatsTable, string> = {
  daily: '按日预约数（分渠道）、取消、爽约、号源利用率',
  channels: '按预约渠道：预约数、占比、取消率、爽约率',
  departments: '按科室：预约、取消、爽约率、号源利用率',
  utilisation: '号源利用率：科室 × 日期',
  resources: '号源利用率：按出诊资源（医生号别、检查设备）',
};

async function audited(kernel: Kernel, ctx: CallContext, f: StatsFilter, detail: Record<string, unknown>): Promise<void> {
  await kernel.scoped(ctx, (db) => kernel.audit(db, ctx, {
    action: detail.format ? 'appointment.stats_export' : 'appointment.stats',
    detail: { from: f.from, to: f.to, institutionId: f.institutionId, departmentIds: f.departmentIds, ...detail },
  }));
}

/**
 * Statistics are aggregates without patient data: they run on the owner connection with the
 * caller's scope applied by resolveStatsFilter, which lets PostgreSQL answer them from the
 * covering index alone. Reading and exporting them is audited.
 */
export function statsRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/scheduling/stats/summary', {
    config: { permission: 'appointment.stats' },
    schema: { tags, summary: '预约统计全部指标（汇总、按日、按渠道、按科室、科室×日利用率、按资源）', querystring: statsQuery },
  }, async (req) => {
    const ctx = req.ctx!;
    const f = await resolveStatsFilter(kernel.pool, ctx, req.query as StatsQuery);
    const report = await statsReport(kernel.pool, f);
    await audited(kernel, ctx, f, { view: 'summary' });
    return report;
  });

  for (const table of STATS_TABLES) {
    app.get(`/api/scheduling/stats/${table}`, {
      config: { permission: 'appointment.stats' },
      schema: { tags, summary: `${SUMMARIES[table]}；format=xlsx/csv 导出`, querystring: tableQuery },
    }, async (req, reply) => {
      const ctx = req.ctx!;
      const q = req.query as StatsQuery & { format?: 'xlsx' | 'csv' };
      const f = await resolveStatsFilter(kernel.pool, ctx, q);
      const report = await statsReport(kernel.pool, f);
      await audited(kernel, ctx, f, { view: table, format: q.format });
      if (!q.format) return tableJson(report, table);
      const lang = ctx.request.lang;
      const title = `${tableTitle(table, lang)}-${f.from}-${f.to}`;
      return sendTable(reply, q.format, title, exportColumns(table, lang), tableRows(report, table, lang));
    });
  }
}
