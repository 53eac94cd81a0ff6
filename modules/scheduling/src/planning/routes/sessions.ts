import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import { notFound, sendTable, type CallContext, type Kernel, type Queryable } from '@kangyun/kernel';
import type { Channel } from '../../constants.js';
import { listSessions, type SessionSummary } from '../../sessions/read-sessions.js';
import { addNumbers, blockNumbers, patchSession, readPool, relabelNumbers, setQuotas, unblockNumbers, type ReservedFor } from '../sessions/pool-editor.js';
import { substitute } from '../sessions/substitute.js';
import { resumeSession, suspendSession, type SuspendAction } from '../sessions/suspend.js';
import { createTemporarySession, type TemporarySessionInput } from '../sessions/temporary.js';
import { sessionExport } from '../session-export.js';
import {
  addNumbersBody, dateSchema, idParams, quotasBody, relabelBody, resumeBody, seqsBody, sessionPatchBody, substituteBody, suspendBody, temporarySessionBody,
} from '../schemas.js';

const tags = ['排班与号源 Schedules'];

/** one session's summary (published capacity: no patient data) */
export async function readSessionSummary(db: Queryable, id: number): Promise<SessionSummary> {
  const { rows } = await db.query(`SELECT to_char(service_date, 'YYYY-MM-DD') AS day, resource_id FROM sched_session WHERE id = $1`, [id]);
  if (!rows[0]) throw notFound('scheduling.session_unknown');
  const list = await listSessions(db, { from: rows[0].day, to: rows[0].day, resourceId: rows[0].resource_id, includeClosed: true });
  return list.find((s) => s.id === id)!;
}

export function planningSessionRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.post('/api/scheduling/sessions', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '临时排班：按完整参数新增一个出诊/检查单元', body: temporarySessionBody },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const id = await kernel.scoped(ctx, async (db) => {
      const made = await createTemporarySession(db, ctx, req.body as TemporarySessionInput);
      await kernel.audit(db, ctx, { action: 'schedule.session_create', entityType: 'Schedule', entityId: made.id, detail: req.body as Record<string, unknown> });
      return made.id;
    });
    return reply.code(201).send(await readSessionSummary(kernel.pool, id));
  });

  app.get('/api/scheduling/sessions/export', {
    config: { permission: 'schedule.read' },
    schema: {
      tags, summary: '导出出诊单元列表（Excel/CSV）',
      querystring: Type.Object({
        format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }),
        from: dateSchema, to: dateSchema,
        departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
        resourceId: Type.Optional(Type.Integer({ minimum: 1 })),
        status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('suspended'), Type.Literal('cancelled')])),
      }),
    },
  }, async (req, reply) => {
    const q = req.query as { format: 'xlsx' | 'csv'; from: string; to: string; departmentId?: number; resourceId?: number; status?: string };
    const ctx = req.ctx!;
    const rows = (await listSessions(kernel.pool, { institutionId: ctx.actor.institutionId, from: q.from, to: q.to, departmentId: q.departmentId, resourceId: q.resourceId, includeClosed: true }))
      .filter((s) => !q.status || s.status === q.status);
    const table = sessionExport(rows, ctx.request.lang);
    await kernel.scoped(ctx, (db) => kernel.audit(db, ctx, { action: 'schedule.export', entityType: 'Schedule', detail: { ...q, rows: rows.length } }));
    return sendTable(reply, q.format, table.title, table.columns, table.rows);
  });

  app.get('/api/scheduling/sessions/:id/pool', {
    config: { permission: 'schedule.read' },
    schema: { tags, summary: '号源编辑视图：出诊单元与全部号（含停用号），每个号的渠道、锁号、状态', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const session = await readSessionSummary(kernel.pool, id);
    if (session.institutionId !== ctx.actor.institutionId) throw notFound('scheduling.session_unknown');
    const slots = await kernel.scoped(ctx, (db) => readPool(db, id));
    return { session, slots };
  });

  app.patch('/api/scheduling/sessions/:id', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '修改出诊单元的诊查费、诊室', params: idParams, body: sessionPatchBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    await kernel.scoped(ctx, async (db) => {
      await patchSession(db, ctx, id, req.body as { fee?: number | null; room?: string | null });
      await kernel.audit(db, ctx, { action: 'schedule.session_update', entityType: 'Schedule', entityId: id, detail: req.body as Record<string, unknown> });
    });
    return readSessionSummary(kernel.pool, id);
  });

  /** a change to the number pool: answers with the pool as it now is */
  const poolChange = <B>(path: string, summary: string, body: TSchema, action: string,
    run: (db: Queryable, ctx: CallContext, id: number, body: B) => Promise<unknown>) => {
    app.post(`/api/scheduling/sessions/:id/${path}`, {
      config: { permission: 'schedule.manage' },
      schema: { tags, summary, params: idParams, body },
    }, async (req) => {
      const ctx = req.ctx!;
      const { id } = req.params as { id: number };
      return kernel.scoped(ctx, async (db) => {
        const result = await run(db, ctx, id, req.body as B);
        await kernel.audit(db, ctx, { action, entityType: 'Schedule', entityId: id, detail: { ...(req.body as object), result } });
        return { result, session: await readSessionSummary(db, id), slots: await readPool(db, id) };
      });
    });
  };

  poolChange<{ count: number; channel?: Channel | null; reservedFor?: ReservedFor | null }>('numbers', '加号源：在末尾追加号（最后一个时段），可指定渠道或锁号',
    addNumbersBody, 'schedule.pool_add', (db, ctx, id, b) => addNumbers(db, ctx, id, b));
  poolChange<{ seqs: number[] }>('numbers/block', '停用空闲号（已预约的号不能停用，409 并指出号序）',
    seqsBody, 'schedule.pool_block', (db, ctx, id, b) => blockNumbers(db, ctx, id, b.seqs));
  poolChange<{ seqs: number[] }>('numbers/unblock', '恢复停用的号',
    seqsBody, 'schedule.pool_unblock', (db, ctx, id, b) => unblockNumbers(db, ctx, id, b.seqs));
  poolChange<{ seqs: number[]; channel?: Channel | null; reservedFor?: ReservedFor | null }>('numbers/label', '修改空闲号的渠道或锁号（未传的字段不变；已预约的号 409）',
    relabelBody, 'schedule.pool_label', (db, ctx, id, b) => relabelNumbers(db, ctx, id, b));
  poolChange<{ channelQuotas: Partial<Record<Channel, number>>; reservedFollowup?: number; reservedReferral?: number; capacity?: number }>('quotas',
    '修改渠道配额与锁号数：重新分配空闲号，已预约的号不变（检查单元：配额与容量）',
    quotasBody, 'schedule.pool_quotas', (db, ctx, id, b) => setQuotas(db, ctx, id, b));

  app.post('/api/scheduling/sessions/:id/substitute', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '替诊：改由另一位医生出诊，号源不变，通知所有已预约患者', params: idParams, body: substituteBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => substitute(kernel, ctx, db, id, req.body as { practitionerId: number; reason: string }));
  });

  app.post('/api/scheduling/sessions/:id/suspend', {
    config: { permission: 'schedule.manage' },
    schema: {
      tags, params: idParams, body: suspendBody,
      summary: '停诊：action=move 为每位已预约患者改约到最近的同科室同号别号源（同一医生优先），找不到则取消；action=cancel 取消。均通知患者并给出最近可选号源；返回每个预约的结果',
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => suspendSession(kernel, ctx, db, id, req.body as { reason: string; action: SuspendAction }));
  });

  app.post('/api/scheduling/sessions/:id/resume', {
    config: { permission: 'schedule.manage' },
    schema: { tags, summary: '恢复出诊（已改约或取消的预约不回迁）', params: idParams, body: resumeBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => resumeSession(kernel, ctx, db, id, (req.body as { reason?: string }).reason));
  });
}
