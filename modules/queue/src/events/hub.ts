import pg from 'pg';
import type { Kernel } from '@kangyun/kernel';
import { QUEUE_CHANNEL, type QueueEvent } from './types.js';

/** An event as received, with its wire forms computed once for all subscribers. */
export class PreparedEvent {
  private forDisplay: string | null = null;
  constructor(readonly event: QueueEvent, readonly raw: string) {}

  /** screens do not need the order of every waiting patient */
  displayJson(): string {
    if (this.forDisplay === null) {
      const e = this.event;
      this.forDisplay = 'state' in e ? JSON.stringify({ ...e, state: { ...e.state, order: undefined } }) : this.raw;
    }
    return this.forDisplay;
  }
}

export interface HubSubscriber {
  /** set for display screens: revocation reaches them, and their last_seen is kept */
  deviceId?: number;
  onEvent(event: PreparedEvent): void;
  /** events may have been missed (listener reconnected, configuration changed): send a snapshot */
  resync(): void;
  heartbeat(): void;
  close(): void;
}

const HEARTBEAT_MS = 15_000;
const TOUCH_DEVICES_MS = 60_000;
const RECONNECT_MS = 1_000;

/**
 * The process's one LISTEN connection, fanning events out to its SSE subscribers. Events come
 * from PostgreSQL NOTIFY, so a call made through any node reaches screens connected to any other
 * node; this process keeps only its own connections in memory.
 */
export class QueueHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscribers = new Set<HubSubscriber>();
  private stopped = false;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private touchTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(private readonly kernel: Kernel) {}

  get size(): number {
    return this.subscribers.size;
  }

  subscribe(sub: HubSubscriber): () => void {
    this.subscribers.add(sub);
    this.startTimers();
    return () => this.subscribers.delete(sub);
  }

  /** resolves once LISTEN is active: a snapshot taken after this misses no later event */
  ready(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('queue hub stopped'));
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => { this.connecting = null; });
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of [this.heartbeatTimer, this.touchTimer, this.reconnectTimer]) if (t) clearTimeout(t);
    for (const sub of [...this.subscribers]) sub.close();
    this.subscribers.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.kernel.pool.options, application_name: 'kangyun-queue-listen' });
    client.on('notification', (msg) => {
      if (msg.channel === QUEUE_CHANNEL && msg.payload) this.dispatch(msg.payload);
    });
    client.on('error', (err) => {
      this.kernel.log.warn({ err }, 'queue listener connection failed');
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${QUEUE_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => {});
      this.scheduleReconnect();
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      throw new Error('queue hub stopped');
    }
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  /** listens again, then every subscriber resynchronises: events may have gone by meanwhile */
  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer || this.subscribers.size === 0) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.ready().then(() => {
        for (const sub of [...this.subscribers]) sub.resync();
      }, () => this.scheduleReconnect());
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  private dispatch(payload: string): void {
    let event: QueueEvent;
    try {
      event = JSON.parse(payload) as QueueEvent;
    } catch {
      return;
    }
    const prepared = new PreparedEvent(event, payload);
    for (const sub of [...this.subscribers]) {
      try {
        sub.onEvent(prepared);
      } catch (err) {
        this.kernel.log.error({ err }, 'queue event subscriber failed');
      }
    }
  }

  private startTimers(): void {
    if (this.heartbeatTimer) return;
    const beat = () => {
      for (const sub of [...this.subscribers]) sub.heartbeat();
      this.heartbeatTimer = setTimeout(beat, HEARTBEAT_MS).unref();
    };
    this.heartbeatTimer = setTimeout(beat, HEARTBEAT_MS).unref();
    const touch = () => {
      void this.touchDevices().finally(() => {
        if (!this.stopped) this.touchTimer = setTimeout(touch, TOUCH_DEVICES_MS).unref();
      });
    };
    this.touchTimer = setTimeout(touch, TOUCH_DEVICES_MS).unref();
  }

  /** one statement a minute for every screen connected here: the registry shows which are online */
  private async touchDevices(): Promise<void> {
    const ids = [...new Set([...this.subscribers].map((s) => s.deviceId).filter((id): id is number => id !== undefined))];
    if (!ids.length || this.stopped) return;
    await this.kernel.pool.query('UPDATE display_device SET last_seen_at = now() WHERE id = ANY($1) AND revoked_at IS NULL', [ids]).catch(() => {});
  }
}
