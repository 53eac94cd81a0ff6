/**
 * FHIR search value parsing: the subset of @kangyun/fhir's search-params.ts these providers use,
 * with the same names and semantics. Copied because modules import only the kernel; replace with
 * the kernel's import once those helpers move to packages/kernel/src/fhir.ts.
 */
import { AppError, registerMessages } from '@kangyun/kernel';

/** Appends a value to the query's parameter list and returns its placeholder, e.g. `$3`. */
export type Bind = (value: unknown) => string;

export function sqlParams(): { values: unknown[]; bind: Bind } {
  const values: unknown[] = [];
  return { values, bind: (v) => { values.push(v); return `$${values.length}`; } };
}

/** Splits on unescaped separators, keeping backslash escapes so a part can be split again. */
export function splitEscaped(value: string, separator: ',' | '|'): string[] {
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

export function unescapeValue(s: string): string {
  return s.replace(/\\([\\,|$])/g, '$1');
}

/** Comma-separated alternatives (OR), unescaped, empty ones dropped. */
export function orValues(value: string): string[] {
  return splitEscaped(value, ',').map(unescapeValue).filter((v) => v !== '');
}

/** Codes asked for in a column whose values all belong to `system`; 'all' for `system|`. */
export function tokenCodes(value: string, system: string): string[] | 'all' {
  const codes: string[] = [];
  for (const alt of splitEscaped(value, ',').filter((v) => v !== '')) {
    const parts = splitEscaped(alt, '|');
    const sys = parts.length > 1 ? unescapeValue(parts[0]) : undefined;
    const code = unescapeValue(parts.length > 1 ? parts.slice(1).join('|') : parts[0]);
    if (sys !== undefined && sys !== system) continue;
    if (code === '') return 'all';
    codes.push(code);
  }
  return codes;
}

/** Ids of `Type/id`, bare `id` or absolute-URL alternatives; references to other types are dropped. */
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

export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

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

export function unsupportedModifier(modifier: string): AppError {
  return new AppError(400, 'unsupported_modifier', 'fhir.search.unsupported_modifier', { modifier });
}

registerMessages({
  'fhir.search.unsupported_modifier': { zh: '不支持的查询修饰符：:{modifier}', en: 'Unsupported search modifier: :{modifier}' },
});
