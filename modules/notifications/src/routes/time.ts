import { fieldError, invalid } from '@kangyun/kernel';

const CST_OFFSET_MS = 8 * 3600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** a day (YYYY-MM-DD, China Standard Time, as staff mean it) or an ISO 8601 date-time */
export const TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?$';

/** The instant a filter value denotes: a day's start, or (for `to`) the start of the next day. */
export function parseTime(text: string, edge: 'from' | 'to'): Date | null {
  const d = DATE.exec(text);
  if (d) {
    const utc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + (edge === 'to' ? 1 : 0));
    const date = new Date(utc - CST_OFFSET_MS);
    const check = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
    return check.getUTCMonth() === Number(d[2]) - 1 ? date : null;
  }
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const iso = text.replace(' ', 'T') + (hasZone ? '' : '+08:00');
  const date = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** [start, end) of the from/to filters; 422 naming the field when one is not a time */
export function timeRange(q: { from?: string; to?: string }): { start: Date | null; end: Date | null } {
  const start = q.from === undefined ? null : parseTime(q.from, 'from');
  const end = q.to === undefined ? null : parseTime(q.to, 'to');
  const errors = [];
  if (q.from !== undefined && !start) errors.push(fieldError('from', 'invalid_time', 'notification.invalid_time'));
  if (q.to !== undefined && !end) errors.push(fieldError('to', 'invalid_time', 'notification.invalid_time'));
  if (errors.length) throw invalid(errors);
  return { start, end };
}

/** 'YYYY-MM-DD HH:mm:ss' in China Standard Time, for exports */
export function cstText(at: Date | null): string | null {
  return at ? new Date(at.getTime() + CST_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 19) : null;
}
