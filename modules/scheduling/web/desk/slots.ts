import type { Slot } from './types';

export type SlotState = 'free' | 'other_channel' | 'reserved' | 'taken';

/**
 * How the desk sees a number: bookable by the window (shared or the desk's own quota, not
 * reserved or its reservation lapsed), another channel's quota, reserved (锁号) or taken.
 */
export function slotState(slot: Slot, now = Date.now()): SlotState {
  if (slot.status !== 'free') return 'taken';
  if (slot.reservedFor && (!slot.reservedUntil || Date.parse(slot.reservedUntil) > now)) return 'reserved';
  if (slot.channel && slot.channel !== 'window') return 'other_channel';
  if (Date.parse(slot.endsAt) <= now) return 'taken';
  return 'free';
}

/** numbers grouped by their time segment, in order */
export function bySegment(slots: Slot[]): { startsAt: string; endsAt: string; slots: Slot[] }[] {
  const groups = new Map<string, { startsAt: string; endsAt: string; slots: Slot[] }>();
  for (const s of [...slots].sort((a, b) => a.seq - b.seq)) {
    const key = s.startsAt;
    const g = groups.get(key) ?? { startsAt: s.startsAt, endsAt: s.endsAt, slots: [] };
    g.slots.push(s);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
