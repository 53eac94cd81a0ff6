import { useCallback, useMemo, useReducer } from 'react';
import type { CallInfo, DisplayRoom, DisplaySnapshot, QueueState } from '../types';

const RECENT_KEPT = 12;

interface Model {
  snapshot: DisplaySnapshot | null;
  queues: Record<number, QueueState>;
  recent: CallInfo[];
}

type Action =
  | { type: 'snapshot'; snapshot: DisplaySnapshot }
  | { type: 'call'; call: CallInfo; state?: QueueState }
  | { type: 'queue'; state: QueueState };

function servesScreen(model: Model, state: QueueState): boolean {
  return !!model.snapshot?.rooms.some((r) => state.rooms.includes(r.match));
}

function withState(model: Model, state: QueueState | undefined): Record<number, QueueState> {
  if (!state) return model.queues;
  const queues = { ...model.queues };
  if (servesScreen(model, state)) queues[state.queueId] = state;
  else delete queues[state.queueId];
  return queues;
}

function reducer(model: Model, action: Action): Model {
  switch (action.type) {
    case 'snapshot':
      return {
        snapshot: action.snapshot,
        queues: Object.fromEntries(action.snapshot.queues.map((q) => [q.queueId, q])),
        recent: action.snapshot.recentCalls,
      };
    case 'queue':
      return { ...model, queues: withState(model, action.state) };
    case 'call': {
      const shown = model.snapshot?.rooms.some((r) => r.match === action.call.room);
      const recent = shown && !model.recent.some((c) => c.callId === action.call.callId)
        ? [action.call, ...model.recent].sort((a, b) => b.callId - a.callId).slice(0, RECENT_KEPT)
        : model.recent;
      return { ...model, queues: withState(model, action.state), recent };
    }
  }
}

export interface RoomView {
  room: DisplayRoom;
  /** the patient called to (or being seen in) this room most recently */
  current: (QueueState['current'][number] & { queueId: number }) | null;
  next: QueueState['next'];
  waiting: number;
}

/**
 * What a display screen shows, from its snapshot and the live events after it. Applying an event
 * twice changes nothing (a call is identified by its id), so the overlap between a snapshot and
 * the events around it is harmless.
 */
export function useDisplayModel() {
  const [model, dispatch] = useReducer(reducer, { snapshot: null, queues: {}, recent: [] });
  const onSnapshot = useCallback((snapshot: DisplaySnapshot) => dispatch({ type: 'snapshot', snapshot }), []);
  const onQueue = useCallback((state: QueueState) => dispatch({ type: 'queue', state }), []);
  const onCall = useCallback((call: CallInfo, state?: QueueState) => dispatch({ type: 'call', call, state }), []);

  const rooms = useMemo<RoomView[]>(() => {
    const queues = Object.values(model.queues).sort((a, b) => a.queueId - b.queueId);
    return (model.snapshot?.rooms ?? []).map((room) => {
      const serving = queues.filter((q) => q.rooms.includes(room.match));
      const current = serving
        .flatMap((q) => q.current.filter((c) => c.room === room.match).map((c) => ({ ...c, queueId: q.queueId })))
        .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))[0] ?? null;
      return {
        room,
        current,
        next: serving.flatMap((q) => q.next),
        waiting: serving.reduce((n, q) => n + q.waiting, 0),
      };
    });
  }, [model.snapshot, model.queues]);

  const roomName = useCallback((match: string | null) => {
    if (!match) return '';
    return model.snapshot?.rooms.find((r) => r.match === match)?.name ?? match;
  }, [model.snapshot]);

  return { snapshot: model.snapshot, recent: model.recent, rooms, roomName, onSnapshot, onQueue, onCall };
}
