import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { notFound, type Kernel } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { listSessions, listSlots, type SessionQuery } from '../sessions/read-sessions.js';
import { channelSchema, dateSchema, idParams } from './schemas.js';

const tags = ['排班与号源 Schedules'];

export function sessionRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/scheduling/sessions', {
    config: { permission: 'schedule.read' },
    schema: {
      tags, summary: '出诊/检查单元及余号（按科室、医生、日期范围、渠道）',
      querystring: Type.Object({
        from: dateSchema, to: dateSchema,
        institutionId: Type.Optional(Type.Integer({ minimum: 1 })),
        departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
        resourceId: Type.Optional(Type.Integer({ minimum: 1 })),
        practitionerId: Type.Optional(Type.Integer({ minimum: 1 })),
        kind: Type.Optional(Type.Union([Type.Literal('clinic'), Type.Literal('exam')])),
        clinicLevel: Type.Optional(Type.Union([Type.Literal('general'), Type.Literal('expert'), Type.Literal('special')])),
        channel: Type.Optional(channelSchema),
        includeClosed: Type.Optional(Type.Boolean()),
      }),
    },
  }, async (req) => {
    const q = req.query as SessionQuery;
    return listSessions(kernel.pool, { institutionId: q.institutionId ?? req.ctx!.actor.institutionId, ...q });
  });

  app.get('/api/scheduling/sessions/:id/slots', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '号源明细：号序、时段、渠道、锁号、状态', params: idParams },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const slots = await listSlots(kernel.pool, id);
    if (!slots.length) {
      const { rows } = await kernel.pool.query('SELECT 1 FROM sched_session WHERE id = $1', [id]);
      if (!rows[0]) throw notFound();
    }
    return slots;
  });

  app.get('/api/scheduling/departments', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '可预约科室（含出诊资源数）', querystring: Type.Object({ institutionId: Type.Optional(Type.Integer({ minimum: 1 })), channel: Type.Optional(channelSchema) }) },
  }, async (req) => {
    const q = req.query as { institutionId?: number; channel?: Channel };
    return bookableDepartments(kernel, q.institutionId ?? req.ctx!.actor.institutionId);
  });
}

export async function bookableDepartments(kernel: Kernel, institutionId: number) {
  const { rows } = await kernel.pool.query(
    `SELECT d.id, d.name, count(DISTINCT r.id)::int AS resources,
       bool_or(r.kind = 'clinic') AS clinic, bool_or(r.kind = 'exam') AS exam
     FROM sched_resource r JOIN org_unit d ON d.id = r.department_id
     WHERE r.institution_id = $1 AND r.active GROUP BY d.id, d.name ORDER BY d.name`, [institutionId]);
  return rows;
}
