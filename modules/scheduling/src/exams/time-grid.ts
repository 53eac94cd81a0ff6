/**
 * Time arithmetic for timed (exam) pools, in epoch milliseconds. The hospital's zone is UTC+8
 * without daylight saving (see rules/session-window.ts), so local dates and clock times are a
 * fixed offset away and every whole-hour boundary is also a UTC one.
 */
export const MINUTE = 60_000;
/** exam start times are aligned to this grid */
export const STEP = 5 * MINUTE;
const OFFSET = 8 * 60 * MINUTE;
export const DAY = 24 * 60 * MINUTE;
/** local clock time a morning-only exam must end by */
export const NOON_MINUTES = 12 * 60;

export interface Interval {
  start: number;
  end: number;
}

export function alignUp(ms: number): number {
  return Math.ceil(ms / STEP) * STEP;
}

export function isAligned(ms: number): boolean {
  return ms % STEP === 0;
}

/** local date (YYYY-MM-DD) of an instant */
export function localDay(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 10);
}

/** the instant a local date begins */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET;
}

/** the instant of a local date at minutes past midnight */
export function atMinutes(date: string, minutes: number): number {
  return dayStart(date) + minutes * MINUTE;
}

/** "HH:MM" → minutes past midnight */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** local "H:MM" of an instant */
export function localClock(ms: number): string {
  const d = new Date(ms + OFFSET);
  return `${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The earliest start on the grid, not before `notBefore`, at which `duration` fits inside `window`
 * without touching any of `blocked`; null when there is none.
 */
export function earliestStart(window: Interval, blocked: readonly Interval[], duration: number, notBefore = window.start): number | null {
  let start = alignUp(Math.max(window.start, notBefore));
  const relevant = blocked.filter((b) => b.end > start && b.start < window.end).sort((x, y) => x.start - y.start);
  for (const b of relevant) {
    if (start + duration <= b.start) break;
    if (b.end > start) start = alignUp(b.end);
  }
  return start + duration <= window.end ? start : null;
}

/**
 * Per-channel quotas of a timed pool: a channel named in `quotas` has that many exams of its own
 * and, like every channel, may also use the shared rest (capacity minus all quotas), which the
 * channels' bookings beyond their own quota consume.
 */
export function quotaAllows(capacity: number, quotas: Readonly<Record<string, number>>, used: Readonly<Record<string, number>>, channel: string): boolean {
  const total = Object.values(used).reduce((s, n) => s + n, 0);
  if (total >= capacity) return false;
  if ((used[channel] ?? 0) < (quotas[channel] ?? 0)) return true;
  const reserved = Object.values(quotas).reduce((s, n) => s + n, 0);
  const shared = Math.max(0, capacity - reserved);
  const sharedUsed = Object.entries(used).reduce((s, [ch, n]) => s + Math.max(0, n - (quotas[ch] ?? 0)), 0);
  return sharedUsed < shared;
}

