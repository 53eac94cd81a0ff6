import type { CallKind, EntryReason, EntryStatus, PriorityGroup } from '../constants.js';

/** PostgreSQL channel every node listens on (one connection per process) */
export const QUEUE_CHANNEL = 'kangyun_queue';

/** A queue as screens, phones and the calling panel see it (SQL queue_public_state). */
export interface QueueState {
  queueId: number;
  name: string;
  kind: 'clinic' | 'exam';
  date: string;
  rooms: string[];
  /** patients called or being seen, latest call first; room = where they were called to */
  current: { entryId: number; ticket: number; name: string; status: EntryStatus; room: string | null; calledAt: string | null; callCount: number }[];
  /** the first five waiting, in call order */
  next: { entryId: number; ticket: number; name: string; reason: EntryReason; priority: PriorityGroup | null; prepared: boolean }[];
  waiting: number;
  onHold: number;
  /** ids of waiting entries in call order (at most 300): a phone finds its place here */
  order: number[];
}

export interface CallInfo {
  callId: number;
  kind: CallKind;
  entryId: number;
  queueId: number;
  ticket: number;
  /** masked */
  name: string;
  /** the scheduling room text it was called to; screens map it to their room name */
  room: string | null;
  /** 诊前准备叫号: where to wait */
  place: string | null;
  at: string;
}

/** What travels over NOTIFY and, per subscriber, over Server-Sent Events. `id` orders events for resuming. */
export type QueueEvent =
  | { id: number; t: 'call'; inst: number; call: CallInfo; state: QueueState }
  | { id: number; t: 'queue'; inst: number; state: QueueState }
  /** a display device was revoked or changed: its screens stop or reload */
  | { id: number; t: 'device'; inst: number; deviceId: number; revoked: boolean }
  /** areas, rooms or templates changed: screens of the institution reload their picture */
  | { id: number; t: 'config'; inst: number };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type NewQueueEvent = WithoutId<QueueEvent>;
