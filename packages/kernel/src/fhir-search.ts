/**
 * Parsing of FHIR search parameter values (R4 §3.1.1.5) for providers that build SQL.
 * Only depends on the kernel's public API so that it can move into packages/kernel/src/fhir.ts
 * unchanged: providers live in other modules and may import nothing but the kernel.
 */
import { AppError } from './errors.js';
import { registerMessages } from './i18n.js';

/** Appends a value to the query's parameter list and returns its placeholder, e.g. `$3`. */
export type Bind = (value: unknown) => string;

/** A bind function over a fresh parameter list, for pg's query(text, values). */
export function sqlParams(): { values: unknown[]; bind: Bind } {
  const values: unknown[] = [];
  return { values, bind: (v) => { values.push(v); return `$${values.length}`; } };
}

/** `name:exact` → name 'name', modifier 'exact' */
export function splitModifier(key: string): { name: string; modifier: string | null } {
  const i = key.indexOf(':');
  return i < 0 ? { name: key, modifier: null } : { name: key.slice(0, i), modifier: key.slice(i + 1) };
}

/**
 * Splits on unescaped separators, keeping every backslash escape in the parts so that a part
 * can be split again on another separator (`a\\,b|c` is one OR alternative with a system).
 */
export function splitEscaped(value: string, separator: ',' | '|' | '$'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** Removes FHIR's escapes of `\\`, `,`, `|` and `$`. */
export function unescapeValue(s: string): string {
  return s.replace(/\\([\\,|$])/g, '$1');
}

/** The alternatives of a comma-separated value (OR), unescaped, empty ones dropped. A repeated parameter is AND. */
export function orValues(value: string): string[] {
  return splitEscaped(value, ',').map(unescapeValue).filter((v) => v !== '');
}

export interface TokenValue {
  /** undefined: any system; '': the coding must have no system (`|code`) */
  system: string | undefined;
  /** undefined: any code of the system (`system|`) */
  code: string | undefined;
}

/** `code`, `system|code`, `|code` or `system|`; the value is one OR alternative, still escaped */
export function parseToken(value: string): TokenValue {
  const parts = splitEscaped(value, '|');
  if (parts.length === 1) return { system: undefined, code: unescapeValue(parts[0]) };
  const [system, code] = [unescapeValue(parts[0]), unescapeValue(parts.slice(1).join('|'))];
  return { system, code: code === '' ? undefined : code };
}

/**
 * The codes a token search asks for in a column whose values all belong to `system`:
 * 'all' when one alternative matches any code of it, [] when none can match.
 */
export function tokenCodes(value: string, system: string): string[] | 'all' {
  const codes: string[] = [];
  for (const t of splitEscaped(value, ',').filter((v) => v !== '').map(parseToken)) {
    if (t.system !== undefined && t.system !== system) continue;
    if (t.code === undefined) return 'all';
    codes.push(t.code);
  }
  return codes;
}

/**
 * The ids a reference search asks for: `Type/id`, a bare `id`, or an absolute URL ending in
 * `Type/id`. References to another resource type match nothing, so they are left out.
 */
export function referenceIds(value: string, type: string): string[] {
  const ids: string[] = [];
  for (const v of orValues(value)) {
    const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(v);
    if (m) {
      if (m[1] === type) ids.push(m[2]);
    } else if (/^[A-Za-z0-9\-.]{1,64}$/.test(v)) ids.push(v);
  }
  return ids;
}

/** Escapes LIKE wildcards so that user input matches literally. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * SQL for a string parameter over one or more text columns, OR over the comma alternatives.
 * FHIR's default is a case-insensitive prefix match; `defaultMatch: 'contains'` is for fields
 * such as Chinese names where a substring is what people type. Modifiers: exact, contains.
 */
export function stringCondition(columns: string[], value: string, modifier: string | null, bind: Bind, defaultMatch: 'starts' | 'contains' = 'starts'): string {
  if (modifier !== null && modifier !== 'exact' && modifier !== 'contains') throw unsupportedModifier(modifier);
  const alternatives = orValues(value).map((v) => {
    if (modifier === 'exact') return columns.map((c) => `${c} = ${bind(v)}`);
    const pattern = modifier === 'contains' || defaultMatch === 'contains' ? `%${likeEscape(v)}%` : `${likeEscape(v)}%`;
    const p = bind(pattern);
    return columns.map((c) => `${c} ILIKE ${p}`);
  });
  return alternatives.length ? `(${alternatives.flat().join(' OR ')})` : 'false';
}

export type DatePrefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb';

export interface DateValue {
  prefix: DatePrefix;
  /** first instant of the range the value denotes, ISO 8601 without zone unless one was given */
  start: string;
  /** first instant after the range (exclusive) */
  end: string;
  /** the calendar dates of start and end, for `date` columns */
  startDate: string;
  endDate: string;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * `ge2024-03`, `2024-03-01`, `lt2024-03-01T08:00:00+08:00`: a value is the range its precision
 * covers (R4 §3.1.1.5.7), so 2024-03 means [2024-03-01, 2024-04-01). A value without a time zone
 * stays without one, so the database interprets it in its own (the hospital's) time zone.
 */
export function parseDate(raw: string): DateValue {
  const prefixMatch = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.*)$/.exec(raw)!;
  const prefix = (prefixMatch[1] ?? 'eq') as DatePrefix | 'ap';
  if (prefix === 'ap') throw new AppError(400, 'unsupported_date_prefix', 'fhir.search.unsupported_prefix', { prefix });
  const m = DATE.exec(prefixMatch[2]);
  if (!m) throw new AppError(400, 'invalid_date', 'fhir.search.invalid_date', { value: raw });
  const [, y, mo, d, h, mi, s, ms, zone] = m;
  const parts = [Number(y), Number(mo ?? 1) - 1, Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), Number((ms ?? '0').padEnd(3, '0'))];
  const start = new Date(Date.UTC(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]));
  if (start.getUTCMonth() !== parts[1] || start.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) {
    throw new AppError(400, 'invalid_date', 'fhir.search.invalid_date', { value: raw });
  }
  const end = new Date(start);
  if (ms !== undefined) end.setUTCMilliseconds(end.getUTCMilliseconds() + 1);
  else if (s !== undefined) end.setUTCSeconds(end.getUTCSeconds() + 1);
  else if (mi !== undefined) end.setUTCMinutes(end.getUTCMinutes() + 1);
  else if (d !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (mo !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  // the components were computed in UTC only as a calendar; the zone is re-attached as given
  const local = (x: Date) => x.toISOString().slice(0, 23) + (zone ?? '');
  return { prefix, start: local(start), end: local(end), startDate: start.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10) };
}

/**
 * SQL comparing a column holding a point in time (timestamptz) or a calendar date (`date`)
 * with a date parameter, OR over the comma alternatives.
 */
export function dateCondition(column: string, value: string, bind: Bind, columnType: 'timestamptz' | 'date' = 'timestamptz'): string {
  const alternatives = orValues(value).map((raw) => {
    const v = parseDate(raw);
    // bound only when used: PostgreSQL cannot type a parameter the statement never mentions
    const lo = () => (columnType === 'date' ? `${bind(v.startDate)}::date` : `${bind(v.start)}::timestamptz`);
    const hi = () => (columnType === 'date' ? `${bind(v.endDate)}::date` : `${bind(v.end)}::timestamptz`);
    switch (v.prefix) {
      case 'eq': return `(${column} >= ${lo()} AND ${column} < ${hi()})`;
      case 'ne': return `(${column} < ${lo()} OR ${column} >= ${hi()})`;
      case 'gt': case 'sa': return `${column} >= ${hi()}`;
      case 'lt': case 'eb': return `${column} < ${lo()}`;
      case 'ge': return `${column} >= ${lo()}`;
      case 'le': return `${column} < ${hi()}`;
    }
  });
  return alternatives.length ? `(${alternatives.join(' OR ')})` : 'false';
}

export function unsupportedModifier(modifier: string): AppError {
  return new AppError(400, 'unsupported_modifier', 'fhir.search.unsupported_modifier', { modifier });
}

registerMessages({
  'fhir.search.invalid_date': { zh: '日期参数格式不正确：{value}', en: 'Invalid date parameter: {value}' },
  'fhir.search.unsupported_prefix': { zh: '不支持的比较前缀：{prefix}', en: 'Unsupported comparison prefix: {prefix}' },
  'fhir.search.unsupported_modifier': { zh: '不支持的查询修饰符：:{modifier}', en: 'Unsupported search modifier: :{modifier}' },
});
