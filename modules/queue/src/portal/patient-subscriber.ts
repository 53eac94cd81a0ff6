import { portalContext, type Kernel, type RequestInfo } from '@kangyun/kernel';
import type { HubSubscriber, PreparedEvent, QueueHub } from '../events/hub.js';
import type { SseStream } from '../events/sse.js';
import { lastEventId } from '../events/publish.js';
import { readMyQueue, type MyQueueView } from './my-queue.js';

/** before check-in the queue is unknown: look again at most this often when the institution's queues move */
const UNQUEUED_REFRESH_MS = 5_000;

/**
 * A patient's phone following their place: 'me' events with the ticket, people ahead and status.
 * Most updates are computed from the queue event itself (the order of waiting ids); only a change
 * the event cannot tell (finished, passed over, held, transferred) is read again from the database.
 */
export class PatientSubscriber implements HubSubscriber {
  private view: MyQueueView | null = null;
  private lastJson = '';
  private refreshing: Promise<void> | null = null;
  private lastUnqueuedRefresh = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly kernel: Kernel, private readonly hub: QueueHub, private readonly stream: SseStream,
    private readonly patientId: number, private readonly institutionId: number, private readonly appointmentId: number, private readonly request: RequestInfo) {}

  async start(): Promise<void> {
    this.unsubscribe = this.hub.subscribe(this);
    this.stream.onClose(() => this.unsubscribe?.());
    await this.hub.ready();
    await this.refresh(undefined);
  }

  onEvent(p: PreparedEvent): void {
    const e = p.event;
    if (e.inst !== this.institutionId || (e.t !== 'call' && e.t !== 'queue')) return;
    const entry = this.view?.entry;
    if (!entry) {
      if (Date.now() - this.lastUnqueuedRefresh > UNQUEUED_REFRESH_MS) {
        this.lastUnqueuedRefresh = Date.now();
        void this.refresh(e.id);
      }
      return;
    }
    if (e.state.queueId !== entry.queueId) return;
    const calledNow = e.t === 'call' && e.call.entryId === entry.entryId && e.call.kind !== 'prepare';
    const current = e.state.current.find((c) => c.entryId === entry.entryId);
    const index = e.state.order.indexOf(entry.entryId);
    if (current) {
      entry.status = current.status;
      entry.calledRoomName = current.room ? this.view!.roomNames[current.room] ?? current.room : null;
      entry.calledAt = current.calledAt;
      entry.callCount = current.callCount;
      entry.ahead = 0;
    } else if (index >= 0) {
      entry.status = 'waiting';
      entry.ahead = index;
    } else {
      void this.refresh(e.id);
      return;
    }
    this.send(e.id, calledNow);
  }

  resync(): void {
    void this.refresh(undefined);
  }

  heartbeat(): void {
    this.stream.send('hb', JSON.stringify({ now: new Date().toISOString() }));
  }

  close(): void {
    this.stream.close();
  }

  private refresh(eventId: number | undefined): Promise<void> {
    this.refreshing ??= this.kernel.scoped(portalContext(this.patientId, this.institutionId, this.request), async (db) => {
      const id = eventId ?? (await lastEventId(db));
      const view = await readMyQueue(db, this.appointmentId);
      return { id, view };
    }).then(({ id, view }) => {
      this.view = view;
      this.send(id, false);
    }, (err) => {
      this.kernel.log.warn({ err }, 'patient queue refresh failed');
    }).finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  private send(id: number, calledNow: boolean): void {
    if (!this.view) return;
    const json = JSON.stringify(this.view);
    if (json === this.lastJson && !calledNow) return;
    this.lastJson = json;
    this.stream.send('me', calledNow ? JSON.stringify({ ...this.view, calledNow: true }) : json, id);
  }
}
