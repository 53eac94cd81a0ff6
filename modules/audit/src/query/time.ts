/**
 * Time values in filters: a year, month or day (taken in China Standard Time, UTC+8, as staff mean
 * it), or an instant with or without zone. Each value denotes a range at its own precision, so
 * `to=2026-01-05` includes the whole of 5 January and `to=…T15:59:59.999Z` includes that millisecond.
 */
export interface TimeRange {
  start: Date;
  /** exclusive */
  end: Date;
}

const CST_OFFSET_MS = 8 * 3600_000;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** pattern for OpenAPI/validation: a date (YYYY, YYYY-MM, YYYY-MM-DD) or an ISO 8601 date-time */
export const TIME_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?)?)?$';

export function parseTimeRange(text: string): TimeRange | null {
  const d = DATE.exec(text);
  if (d) {
    const y = Number(d[1]);
    const m = d[2] ? Number(d[2]) : null;
    const day = d[3] ? Number(d[3]) : null;
    if (m !== null && (m < 1 || m > 12)) return null;
    if (day !== null && (day < 1 || day > new Date(Date.UTC(y, m!, 0)).getUTCDate())) return null;
    const startUtc = Date.UTC(y, (m ?? 1) - 1, day ?? 1);
    const endUtc = day !== null ? Date.UTC(y, m! - 1, day + 1) : m !== null ? Date.UTC(y, m, 1) : Date.UTC(y + 1, 0, 1);
    return { start: new Date(startUtc - CST_OFFSET_MS), end: new Date(endUtc - CST_OFFSET_MS) };
  }
  const t = INSTANT.exec(text);
  if (!t) return null;
  const [, y, mo, da, h, mi, s, frac, zone] = t;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(da) < 1 || Number(da) > new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate()) return null;
  if (Number(h) > 23 || Number(mi) > 59 || (s && Number(s) > 59)) return null;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  const iso = `${y}-${mo}-${da}T${h}:${mi}:${s ?? '00'}.${String(ms).padStart(3, '0')}${normaliseZone(zone)}`;
  const start = new Date(iso);
  if (Number.isNaN(start.getTime())) return null;
  const step = frac ? 1 : s ? 1000 : 60_000;
  return { start, end: new Date(start.getTime() + step) };
}

function normaliseZone(zone: string | undefined): string {
  if (!zone) return '+08:00';
  if (zone === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}
