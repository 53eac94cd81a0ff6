import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, forbidden, unauthorized, type CallContext, type Kernel } from '@kangyun/kernel';
import type { HubSubscriber, PreparedEvent, QueueHub } from '../events/hub.js';
import { SseStream } from '../events/sse.js';
import { lastEventId, queueState } from '../events/publish.js';
import { authenticateDevice, deviceToken } from '../display/devices.js';
import { DisplaySubscriber } from '../display/display-subscriber.js';

const tags = ['分诊叫号 Queues'];

/** Last-Event-ID header (EventSource sends it on reconnect) or ?lastEventId= (a page that reopens its stream) */
export function resumeFrom(req: FastifyRequest): number | null {
  const header = req.headers['last-event-id'];
  const q = (req.query as { lastEventId?: unknown }).lastEventId;
  const raw = typeof header === 'string' && header ? header : typeof q === 'string' || typeof q === 'number' ? String(q) : '';
  const n = Number(raw);
  return raw && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * GET /api/queue/stream — Server-Sent Events, fed by PostgreSQL LISTEN/NOTIFY:
 * - a display screen (?device=<token> or X-Display-Device): snapshot of its rooms, then calls and
 *   queue changes; 'revoked' when it is switched off;
 * - staff (session, queue.call or queue.checkin) with ?queueIds=1,2: the calling panel's queues.
 * Every connection starts with a full snapshot (also after a reconnect, with the calls missed since
 * Last-Event-ID replayed for screens) and gets a heartbeat every 15 s.
 */
export function streamRoutes(app: FastifyInstance, kernel: Kernel, hub: QueueHub): void {
  app.get('/api/queue/stream', {
    config: { public: true },
    schema: {
      tags, summary: '实时推送（SSE）：显示设备（device 令牌）或叫号面板（queueIds）；断线重连带 Last-Event-ID 先收到完整快照',
      querystring: Type.Object({
        device: Type.Optional(Type.String({ maxLength: 200 })),
        queueIds: Type.Optional(Type.String({ maxLength: 200, pattern: '^[0-9]+(,[0-9]+)*$' })),
        lastEventId: Type.Optional(Type.Integer({ minimum: 0 })),
      }),
    },
  }, async (req, reply) => {
    const token = deviceToken(req);
    if (token) {
      const device = await authenticateDevice(kernel, token);
      await hub.ready().catch(() => { throw new AppError(503, 'stream_unavailable', 'queue.stream_unavailable'); });
      kernel.pool.query('UPDATE display_device SET last_seen_at = now(), last_ip = $2 WHERE id = $1', [device.id, req.ip]).catch(() => {});
      const stream = new SseStream(req, reply);
      stream.open();
      await new DisplaySubscriber(kernel, hub, stream, device).start(resumeFrom(req)).catch((err) => {
        kernel.log.warn({ err }, 'display stream failed to start');
        stream.close();
      });
      return reply;
    }
    const ctx = req.ctx;
    if (!ctx) throw unauthorized();
    if (!ctx.actor.permissions.has('queue.call') && !ctx.actor.permissions.has('queue.checkin')) throw forbidden('error.forbidden_permission', { permission: 'queue.call' });
    const queueIds = ((req.query as { queueIds?: string }).queueIds ?? '').split(',').filter(Boolean).map(Number).slice(0, 20);
    if (!queueIds.length) throw new AppError(422, 'validation_failed', 'error.validation_failed', {}, [{ field: 'queueIds', code: 'required', messageKey: 'queue.stream_needs_queues' }]);
    await hub.ready().catch(() => { throw new AppError(503, 'stream_unavailable', 'queue.stream_unavailable'); });
    const stream = new SseStream(req, reply);
    stream.open();
    await new StaffSubscriber(kernel, hub, stream, ctx, new Set(queueIds)).start().catch((err) => {
      kernel.log.warn({ err }, 'queue stream failed to start');
      stream.close();
    });
    return reply;
  });
}

/** the calling panel: its queues' full state (with the order), snapshot first */
class StaffSubscriber implements HubSubscriber {
  private held: PreparedEvent[] | null = [];
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly kernel: Kernel, private readonly hub: QueueHub, private readonly stream: SseStream,
    private readonly ctx: CallContext, private readonly queueIds: Set<number>) {}

  async start(): Promise<void> {
    this.unsubscribe = this.hub.subscribe(this);
    this.stream.onClose(() => this.unsubscribe?.());
    await this.snapshot();
  }

  onEvent(p: PreparedEvent): void {
    const e = p.event;
    if (e.inst !== this.ctx.actor.institutionId || (e.t !== 'call' && e.t !== 'queue') || !this.queueIds.has(e.state.queueId)) return;
    if (this.held) this.held.push(p);
    else this.stream.send(e.t, p.raw, e.id);
  }

  resync(): void {
    this.held ??= [];
    void this.snapshot().catch(() => this.stream.close());
  }

  heartbeat(): void {
    this.stream.send('hb', JSON.stringify({ now: new Date().toISOString() }));
  }

  close(): void {
    this.stream.close();
  }

  private async snapshot(): Promise<void> {
    this.held ??= [];
    try {
      const { eventId, queues } = await this.kernel.scoped(this.ctx, async (db) => {
        const eventId = await lastEventId(db);
        const queues = [];
        for (const id of this.queueIds) {
          const { rows } = await db.query('SELECT 1 FROM queue WHERE id = $1 AND institution_id = $2', [id, this.ctx.actor.institutionId]);
          if (rows[0]) queues.push(await queueState(db, id));
        }
        return { eventId, queues };
      });
      this.stream.send('snapshot', JSON.stringify({ eventId, queues }), eventId);
    } finally {
      const held = this.held ?? [];
      this.held = null;
      for (const p of held) this.onEvent(p);
    }
  }
}
