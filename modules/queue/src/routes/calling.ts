import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { fieldError, invalid, notFound, type CallContext, type Kernel } from '@kangyun/kernel';
import { HOSPITAL_TZ, type PriorityGroup } from '../constants.js';
import { callNext, changeRooms, finish, hold, prepareEntry, queueInScope, recall, requeue, setPriority, skip, start } from '../calling/actions.js';
import { transfer } from '../calling/transfer.js';
import { ensureQueueForSession, groupingFor, QUEUE_COLUMNS } from '../queues/ensure-queue.js';
import { listEntries, readEntry } from '../queues/entries.js';
import { effectiveRule } from '../rules/queue-rule.js';
import { queueState } from '../events/publish.js';
import { dateSchema, idParams, prioritySchema, roomSchema } from './schemas.js';
import { requireAny } from './guard.js';

const tags = ['分诊叫号 Queues'];
const CALL = { permission: 'queue.call' };

export function callingRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/queue/sessions', {
    schema: {
      tags, summary: '某天的出诊/检查单元（叫号面板选择自己的诊室队列）',
      querystring: Type.Object({ date: Type.Optional(dateSchema), departmentId: Type.Optional(Type.Integer({ minimum: 1 })), practitionerId: Type.Optional(Type.Integer({ minimum: 1 })) }),
    },
  }, async (req) => {
    const ctx = requireAny(req, ['queue.call', 'queue.checkin']);
    const q = req.query as { date?: string; departmentId?: number; practitionerId?: number };
    const { rows } = await kernel.pool.query(
      `SELECT s.id AS "sessionId", s.period, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status, COALESCE(s.room, r.room) AS room,
         r.name AS "resourceName", r.kind, s.department_id AS "departmentId", d.name AS "departmentName",
         COALESCE(s.practitioner_id, r.practitioner_id) AS "practitionerId", acc.display_name AS "practitionerName"
       FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id JOIN org_unit d ON d.id = s.department_id
       LEFT JOIN account acc ON acc.id = COALESCE(s.practitioner_id, r.practitioner_id)
       WHERE s.institution_id = $1 AND s.service_date = COALESCE($2::date, (now() AT TIME ZONE '${HOSPITAL_TZ}')::date)
         AND ($3::bigint IS NULL OR s.department_id = $3) AND ($4::bigint IS NULL OR COALESCE(s.practitioner_id, r.practitioner_id) = $4)
       ORDER BY d.name, s.starts_at, r.name`,
      [ctx.actor.institutionId, q.date ?? null, q.departmentId ?? null, q.practitionerId ?? null]);
    return rows;
  });

  app.post('/api/queue/queues/open', {
    config: CALL,
    schema: { tags, summary: '打开某出诊单元的叫号队列（按排队规则的分组：单元/诊室/共享队列；没有时创建）', body: Type.Object({ sessionId: Type.Integer({ minimum: 1 }) }) },
  }, async (req) => {
    const ctx = req.ctx!;
    const { sessionId } = req.body as { sessionId: number };
    return kernel.scoped(ctx, async (db) => {
      const { rows } = await db.query(
        `SELECT s.department_id, r.kind FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id WHERE s.id = $1 AND s.institution_id = $2`,
        [sessionId, ctx.actor.institutionId]);
      if (!rows[0]) throw notFound('queue.session_unknown');
      const rule = await effectiveRule(db, ctx.actor.institutionId, rows[0].department_id);
      return ensureQueueForSession(db, sessionId, groupingFor(rows[0].kind, rule.grouping), false);
    });
  });

  app.get('/api/queue/queues', {
    schema: {
      tags, summary: '某天的候诊队列及人数',
      querystring: Type.Object({ date: Type.Optional(dateSchema), departmentId: Type.Optional(Type.Integer({ minimum: 1 })) }),
    },
  }, async (req) => {
    const ctx = requireAny(req, ['queue.call', 'queue.checkin', 'queue.manage']);
    const q = req.query as { date?: string; departmentId?: number };
    return kernel.scoped(ctx, async (db) => {
      const { rows } = await db.query(
        `SELECT ${QUEUE_COLUMNS}, d.name AS "departmentName", acc.display_name AS "practitionerName",
           (SELECT count(*)::int FROM queue_entry e WHERE e.queue_id = q.id AND e.status = 'waiting') AS waiting,
           (SELECT count(*)::int FROM queue_entry e WHERE e.queue_id = q.id AND e.status IN ('called', 'in_service')) AS current,
           (SELECT count(*)::int FROM queue_entry e WHERE e.queue_id = q.id AND e.status = 'done') AS done
         FROM queue q JOIN org_unit d ON d.id = q.department_id LEFT JOIN account acc ON acc.id = q.practitioner_id
         WHERE q.institution_id = $1 AND q.service_date = COALESCE($2::date, (now() AT TIME ZONE '${HOSPITAL_TZ}')::date)
           AND ($3::bigint IS NULL OR q.department_id = $3)
         ORDER BY d.name, q.name, q.id`,
        [ctx.actor.institutionId, q.date ?? null, q.departmentId ?? null]);
      return rows;
    });
  });

  app.get('/api/queue/queues/:id', {
    schema: { tags, summary: '队列详情：候诊顺序（含迟到/过号/回诊/优先原因）、正在就诊、挂起、过号、已完成', params: idParams },
  }, async (req) => {
    const ctx = requireAny(req, ['queue.call', 'queue.checkin']);
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      const queue = await queueInScope(db, ctx, id);
      const entries = await listEntries(db, id);
      await kernel.audit(db, ctx, { action: 'queue.read', entityType: 'Queue', entityId: id, detail: { entries: entries.length } });
      return { queue, state: await queueState(db, id), entries };
    });
  });

  app.put('/api/queue/queues/:id/rooms', {
    config: CALL,
    schema: { tags, summary: '诊室变更：该队列改在哪些诊室叫号（显示屏随之更新）', params: idParams, body: Type.Object({ rooms: Type.Array(roomSchema, { minItems: 1, maxItems: 10 }) }) },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const { rooms } = req.body as { rooms: string[] };
    return kernel.scoped(ctx, (db) => changeRooms(kernel, ctx, db, id, rooms));
  });

  app.post('/api/queue/queues/:id/call-next', {
    config: CALL,
    schema: {
      tags, summary: '呼叫下一位：结束本诊室当前患者（已就诊→完成；未到→按过号规则），叫候诊第一位；两个诊室同时叫号不会叫到同一患者',
      params: idParams,
      body: Type.Object({ room: Type.Optional(roomSchema), prepareNext: Type.Optional(Type.Boolean({ description: '同时呼叫再下一位到准备区（诊前准备叫号）' })) }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as { room?: string; prepareNext?: boolean };
    return kernel.scoped(ctx, (db) => callNext(kernel, ctx, db, id, body));
  });

  const entryAction = (path: string, summary: string, run: (ctx: CallContext, id: number, body: Record<string, unknown>) => Promise<unknown>, body = Type.Object({}), permission = 'queue.call') => {
    app.post(`/api/queue/entries/:id/${path}`, { config: { permission }, schema: { tags, summary, params: idParams, body } }, async (req) => {
      const { id } = req.params as { id: number };
      return run(req.ctx!, id, (req.body ?? {}) as Record<string, unknown>);
    });
  };

  entryAction('recall', '重呼', (ctx, id, b) => kernel.scoped(ctx, (db) => recall(kernel, ctx, db, id, (b.room as string | undefined) ?? null)),
    Type.Object({ room: Type.Optional(roomSchema) }));
  entryAction('skip', '过号：叫满 N 次未到则过号，否则顺延几位再叫', (ctx, id) => kernel.scoped(ctx, (db) => skip(kernel, ctx, db, id)));
  entryAction('start', '患者已到，开始就诊/检查', (ctx, id) => kernel.scoped(ctx, (db) => start(kernel, ctx, db, id)));
  entryAction('finish', '完成（预约记为已就诊）', (ctx, id) => kernel.scoped(ctx, (db) => finish(kernel, ctx, db, id)));
  entryAction('hold', '动态挂起（如憋尿未好）', (ctx, id, b) => kernel.scoped(ctx, (db) => hold(kernel, ctx, db, id, b.reason as string)),
    Type.Object({ reason: Type.String({ minLength: 1, maxLength: 100 }) }));
  entryAction('requeue', '重新入队（挂起结束，按规则排入）', (ctx, id) => kernel.scoped(ctx, (db) => requeue(kernel, ctx, db, id)));
  entryAction('prepare', '诊前准备叫号：请候诊患者到准备区', (ctx, id, b) => kernel.scoped(ctx, (db) => prepareEntry(kernel, ctx, db, id, { room: (b.room as string | undefined) ?? null, place: (b.place as string | undefined) ?? null })),
    Type.Object({ room: Type.Optional(roomSchema), place: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })) }));
  entryAction('transfer', '转诊/诊室变更：转到当天另一出诊单元或队列', (ctx, id, b) => {
    if (!b.queueId && !b.sessionId) throw invalid([fieldError('sessionId', 'required', 'queue.transfer_target_required')]);
    return kernel.scoped(ctx, (db) => transfer(kernel, ctx, db, id, { queueId: b.queueId as number | undefined, sessionId: b.sessionId as number | undefined }));
  },
    Type.Object({ queueId: Type.Optional(Type.Integer({ minimum: 1 })), sessionId: Type.Optional(Type.Integer({ minimum: 1 })) }));
  entryAction('priority', '登记或取消优先类别', (ctx, id, b) => kernel.scoped(ctx, (db) => setPriority(kernel, ctx, db, id, (b.priority as PriorityGroup | null | undefined) ?? null)),
    Type.Object({ priority: Type.Union([prioritySchema, Type.Null()]) }), 'queue.checkin');

  app.get('/api/queue/entries/:id', {
    schema: { tags, summary: '排队记录', params: idParams },
  }, async (req) => {
    const ctx = requireAny(req, ['queue.call', 'queue.checkin']);
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      const entry = await readEntry(db, id);
      if (!entry) throw notFound('queue.entry_unknown');
      await kernel.audit(db, ctx, { action: 'queue.read', entityType: 'Appointment', entityId: entry.appointmentId, patientId: entry.patientId });
      return entry;
    });
  });
}
