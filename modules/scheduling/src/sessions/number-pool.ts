import type { Channel } from '../constants.js';

export interface PoolSpec {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  /** length of one time segment (分时段) in minutes */
  segmentMinutes: number;
  /** numbers dedicated to a channel; the rest are shared by every channel */
  channelQuotas?: Partial<Record<Channel, number>>;
  /** numbers locked (锁号) for follow-ups or referrals until shortly before the session */
  reserved?: { followup?: number; referral?: number };
}

export interface PlannedNumber {
  seq: number;
  startsAt: Date;
  endsAt: Date;
  channel: Channel | null;
  reservedFor: 'followup' | 'referral' | null;
}

/**
 * Splits a session into numbered slots: numbers spread evenly over the time segments, and each
 * channel's quota and each reservation spread over the session (not all at the start), so every
 * channel gets early and late times.
 */
export function planNumbers(spec: PoolSpec): PlannedNumber[] {
  const totalMinutes = (spec.endsAt.getTime() - spec.startsAt.getTime()) / 60_000;
  const segments = Math.max(1, Math.floor(totalMinutes / spec.segmentMinutes));
  const perSegment = Math.ceil(spec.capacity / segments);
  const labels: { channel: Channel | null; reservedFor: 'followup' | 'referral' | null }[] = [];
  for (const kind of ['followup', 'referral'] as const) {
    for (let i = 0; i < (spec.reserved?.[kind] ?? 0); i++) labels.push({ channel: null, reservedFor: kind });
  }
  for (const [channel, n] of Object.entries(spec.channelQuotas ?? {}) as [Channel, number][]) {
    for (let i = 0; i < n; i++) labels.push({ channel, reservedFor: null });
  }
  if (labels.length > spec.capacity) throw new RangeError('quotas and reservations exceed the capacity');
  // place the special numbers at evenly spaced positions; the rest are shared
  const assigned = new Array<{ channel: Channel | null; reservedFor: 'followup' | 'referral' | null } | undefined>(spec.capacity);
  const stride = labels.length ? spec.capacity / labels.length : 0;
  labels.forEach((label, i) => {
    let pos = Math.floor(i * stride);
    while (assigned[pos]) pos = (pos + 1) % spec.capacity;
    assigned[pos] = label;
  });
  const numbers: PlannedNumber[] = [];
  for (let i = 0; i < spec.capacity; i++) {
    const segment = Math.min(segments - 1, Math.floor(i / perSegment));
    const startsAt = new Date(spec.startsAt.getTime() + segment * spec.segmentMinutes * 60_000);
    const endsAt = segment === segments - 1 ? spec.endsAt : new Date(startsAt.getTime() + spec.segmentMinutes * 60_000);
    numbers.push({ seq: i + 1, startsAt, endsAt, channel: assigned[i]?.channel ?? null, reservedFor: assigned[i]?.reservedFor ?? null });
  }
  return numbers;
}
