import type { Kernel } from '@kangyun/kernel';
import type { HubSubscriber, PreparedEvent, QueueHub } from '../events/hub.js';
import type { SseStream } from '../events/sse.js';
import { deviceActor, type DeviceRow } from './devices.js';
import { displaySnapshot, recentCallsIn } from './snapshot.js';

/** calls a screen missed while it was away are replayed (spoken) only if this recent */
const REPLAY_WITHIN_SECONDS = 180;

/**
 * A display screen's live stream: a full snapshot first (and again after anything that may have
 * made it miss events), then the calls and queue changes of its rooms. Events that arrive while a
 * snapshot is being taken are held and sent after it, so none is lost in between.
 */
export class DisplaySubscriber implements HubSubscriber {
  readonly deviceId: number;
  private matches = new Set<string>();
  private held: PreparedEvent[] | null = [];
  private snapshotting = false;
  private resyncPending = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly kernel: Kernel, private readonly hub: QueueHub, private readonly stream: SseStream, private device: DeviceRow) {
    this.deviceId = device.id;
  }

  /** subscribes, waits for the listener, sends the snapshot (and the calls missed since lastEventId) */
  async start(lastEventId: number | null): Promise<void> {
    this.unsubscribe = this.hub.subscribe(this);
    this.stream.onClose(() => this.unsubscribe?.());
    await this.hub.ready();
    await this.sendSnapshot(lastEventId);
  }

  onEvent(p: PreparedEvent): void {
    const e = p.event;
    if (e.inst !== this.device.institutionId) return;
    if (e.t === 'device') {
      if (e.deviceId !== this.device.id) return;
      if (e.revoked) this.revoked();
      else this.resync();
      return;
    }
    if (e.t === 'config') {
      this.resync();
      return;
    }
    const relevant = (e.t === 'call' && e.call.room !== null && this.matches.has(e.call.room)) || e.state.rooms.some((r) => this.matches.has(r));
    if (!relevant) return;
    if (this.held) this.held.push(p);
    else this.stream.send(e.t, p.displayJson(), e.id);
  }

  resync(): void {
    if (this.snapshotting) {
      this.resyncPending = true;
      return;
    }
    this.held ??= [];
    void this.reloadDevice().then((ok) => (ok ? this.sendSnapshot(null) : undefined)).catch((err) => {
      this.kernel.log.warn({ err, device: this.device.id }, 'display resync failed');
      this.stream.close();
    });
  }

  heartbeat(): void {
    this.stream.send('hb', JSON.stringify({ now: new Date().toISOString() }));
  }

  close(): void {
    this.stream.close();
  }

  private revoked(): void {
    this.stream.send('revoked', JSON.stringify({ deviceId: this.device.id }));
    this.stream.close();
  }

  /** the device row again (its rooms may have changed, or it may have been revoked meanwhile) */
  private async reloadDevice(): Promise<boolean> {
    const { rows } = await this.kernel.pool.query(
      `SELECT id, institution_id AS "institutionId", name, kind, area_ids AS "areaIds", room_ids AS "roomIds", voice, revoked_at AS "revokedAt"
       FROM display_device WHERE id = $1`, [this.device.id]);
    if (!rows[0] || rows[0].revokedAt) {
      this.revoked();
      return false;
    }
    this.device = { ...this.device, ...rows[0] };
    return true;
  }

  private async sendSnapshot(lastEventId: number | null): Promise<void> {
    this.snapshotting = true;
    this.held ??= [];
    try {
      const ctx = { actor: deviceActor(this.device), request: { ip: '', userAgent: null, lang: 'zh' as const } };
      const { snapshot, missed } = await this.kernel.scoped(ctx, async (db) => {
        const snapshot = await displaySnapshot(db, this.device);
        const rooms = snapshot.rooms.map((r) => r.match);
        const missed = lastEventId ? await recentCallsIn(db, this.device.institutionId, rooms, 20, lastEventId, REPLAY_WITHIN_SECONDS) : [];
        return { snapshot, missed };
      });
      this.matches = new Set(snapshot.rooms.map((r) => r.match));
      this.stream.send('snapshot', JSON.stringify(snapshot), snapshot.eventId);
      for (const call of missed.reverse()) this.stream.send('call', JSON.stringify({ t: 'call', inst: this.device.institutionId, call, replay: true }));
    } finally {
      this.snapshotting = false;
      const held = this.held ?? [];
      this.held = null;
      for (const p of held) this.onEvent(p);
      if (this.resyncPending) {
        this.resyncPending = false;
        this.resync();
      }
    }
  }
}
