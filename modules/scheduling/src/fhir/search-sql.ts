import { orValues, parseDate, referenceIds, tokenCodes, unsupportedModifier, type Bind } from '@kangyun/kernel';

/**
 * SQL pieces shared by the Schedule, Slot and Appointment providers and $find. Values given
 * without a time zone are the hospital's local time (UTC+8, see rules/session-window.ts), not
 * the database server's zone.
 */

const ZONED = /(Z|[+-]\d{2}:\d{2})$/;

/** an ISO date/dateTime as an instant; without a zone, in the hospital's */
export function localInstantOf(value: string): Date {
  return new Date(ZONED.test(value) ? value : `${value}+08:00`);
}

/** a FHIR date value as the instants [from, to) it covers, e.g. 2026-03-10 = that local day */
export function dateRange(raw: string): { prefix: string; from: Date; to: Date } {
  const v = parseDate(raw);
  return { prefix: v.prefix, from: localInstantOf(v.start), to: localInstantOf(v.end) };
}

const DAY = 86_400_000;
const localDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A date search over an instant column (OR over the comma alternatives). `serviceDate` names the
 * session's service_date column: the same bounds, widened by two days, are added on it so that the
 * planner can start from the session-by-day index instead of scanning every number or booking.
 */
export function dateCondition(column: string, value: string, bind: Bind, serviceDate?: string): string {
  const alternatives = orValues(value).map((raw) => {
    const { prefix, from, to } = dateRange(raw);
    const lo = () => `${bind(from)}::timestamptz`;
    const hi = () => `${bind(to)}::timestamptz`;
    const dayLo = () => `${bind(localDay(new Date(from.getTime() - 2 * DAY)))}::date`;
    const dayHi = () => `${bind(localDay(new Date(to.getTime() + 2 * DAY)))}::date`;
    const day = (sql: string) => (serviceDate ? ` AND ${sql}` : '');
    switch (prefix) {
      case 'eq': return `(${column} >= ${lo()} AND ${column} < ${hi()}${day(`${serviceDate} BETWEEN ${dayLo()} AND ${dayHi()}`)})`;
      case 'ne': return `(${column} < ${lo()} OR ${column} >= ${hi()})`;
      case 'gt': case 'sa': return `(${column} >= ${hi()}${day(`${serviceDate} >= ${dayLo()}`)})`;
      case 'lt': case 'eb': return `(${column} < ${lo()}${day(`${serviceDate} <= ${dayHi()}`)})`;
      case 'ge': return `(${column} >= ${lo()}${day(`${serviceDate} >= ${dayLo()}`)})`;
      default: return `(${column} < ${hi()}${day(`${serviceDate} <= ${dayHi()}`)})`; // le
    }
  });
  return alternatives.length ? `(${alternatives.join(' OR ')})` : 'false';
}

/** numeric ids of a reference parameter's values of one type (other types and odd ids match nothing) */
export function numericIds(value: string, type: string): number[] {
  return referenceIds(value, type).filter((id) => /^\d{1,15}$/.test(id)).map(Number);
}

export function idsIn(column: string, value: string, type: string, bind: Bind): string {
  return `${column} = ANY(${bind(numericIds(value, type))}::bigint[])`;
}

/** `= ANY` over the codes of a token in one code system; `system|` alone matches every row */
export function codesIn(column: string, value: string, system: string, bind: Bind): string {
  const codes = tokenCodes(value, system);
  return codes === 'all' ? 'true' : `${column} = ANY(${bind(codes)}::text[])`;
}

/** token and reference parameters here take no modifiers, except a reference's own type (`actor:Practitioner`) */
export function noModifier(modifier: string | null, allowedTypes: string[] = []): void {
  if (modifier !== null && !allowedTypes.includes(modifier)) throw unsupportedModifier(modifier);
}
