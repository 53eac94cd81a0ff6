import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { fieldError, invalid, type Kernel } from '@kangyun/kernel';
import { waitingStats } from '../stats/waiting.js';
import { dateSchema } from './schemas.js';

const MAX_DAYS = 366;

export function statsRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/queue/stats/waiting', {
    config: { permission: 'appointment.stats' },
    schema: {
      tags: ['统计 Statistics'], summary: '候诊时间（签到→首次叫号）：按科室、日期的人数与 P50/P90 分钟',
      querystring: Type.Object({ from: dateSchema, to: dateSchema, departmentId: Type.Optional(Type.Integer({ minimum: 1 })) }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const q = req.query as { from: string; to: string; departmentId?: number };
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
    if (days < 0) throw invalid([fieldError('to', 'range', 'queue.stats_to_before_from')]);
    if (days > MAX_DAYS) throw invalid([fieldError('to', 'range', 'queue.stats_range', { days: MAX_DAYS })]);
    return kernel.scoped(ctx, (db) => waitingStats(db, { institutionId: ctx.actor.institutionId, ...q }));
  });
}
