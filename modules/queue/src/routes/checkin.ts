import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { CallContext, Kernel } from '@kangyun/kernel';
import type { CheckinChannel, PriorityGroup } from '../constants.js';
import { checkIn } from '../checkin/checkin.js';
import { checkinCandidates } from '../checkin/candidates.js';
import { checkinBody } from './schemas.js';
import { requireAny } from './guard.js';

const tags = ['分诊叫号 Queues'];

/** kiosks and partner platforms check in through the channel their OAuth client is bound to */
async function channelOf(kernel: Kernel, ctx: CallContext, requested: 'desk' | 'doctor' | undefined): Promise<CheckinChannel> {
  if (!ctx.actor.clientId) return requested ?? 'desk';
  const { rows } = await kernel.pool.query({ name: 'queue.client-channel', text: 'SELECT channel FROM sched_channel_client WHERE client_id = $1', values: [ctx.actor.clientId] });
  return rows[0]?.channel === 'kiosk' ? 'kiosk' : 'partner';
}

export function checkinRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.post('/api/queue/checkin', {
    schema: {
      tags, summary: '签到（分诊台、自助机客户端、医生诊间加号后签到）：在签到时间窗内进入候诊队列；迟到、过号、回诊按规则排队',
      body: checkinBody,
    },
  }, async (req, reply) => {
    const ctx = requireAny(req, ['queue.checkin', 'queue.call']);
    const body = req.body as { appointmentId: number; priority?: PriorityGroup; channel?: 'desk' | 'doctor'; override?: { reason: string } };
    const desk = ctx.actor.permissions.has('queue.checkin');
    const channel = desk ? await channelOf(kernel, ctx, body.channel) : 'doctor';
    const result = await kernel.scoped(ctx, (db) => checkIn(kernel, ctx, db, {
      appointmentId: body.appointmentId, channel, priority: body.priority ?? null, override: body.override ?? null, addOnOnly: !desk,
    }));
    return reply.code(result.kind === 'checkin' ? 201 : 200).send(result);
  });

  app.get('/api/queue/checkin/candidates', {
    config: { permission: 'queue.checkin' },
    schema: {
      tags, summary: '分诊台：今天可签到的预约（扫预约单二维码、输入预约号或姓名）',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), departmentId: Type.Optional(Type.Integer({ minimum: 1 })) }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const q = req.query as { q?: string; departmentId?: number };
    return kernel.scoped(ctx, async (db) => {
      const items = await checkinCandidates(db, ctx.actor.institutionId, { text: q.q, departmentId: q.departmentId });
      const patients = [...new Set(items.map((i) => i.patientId))];
      if (patients.length) await kernel.audit(db, ctx, patients.map((patientId) => ({ action: 'queue.candidates', entityType: 'Patient', entityId: patientId, patientId, detail: { list: true } })));
      return items;
    });
  });
}
