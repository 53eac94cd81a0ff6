import { AppError, type FhirResourceProvider, type FhirSearchRequest } from '@kangyun/kernel';
import { splitModifier } from '@kangyun/kernel';

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 200;

/** Result parameters we accept but that change nothing in a JSON-only server. */
export const IGNORED = new Set(['_format', '_pretty']);

function nonNegativeInteger(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw new AppError(400, 'invalid_paging', 'fhir.invalid_paging', { name, value: raw });
  return Number(raw);
}

/** `_count` and `_offset` of a query (or an operation's inputs), bounded like a search's. */
export function pagingOf(query: URLSearchParams): { count: number; offset: number } {
  return { count: Math.min(nonNegativeInteger(query, '_count') ?? DEFAULT_COUNT, MAX_COUNT), offset: nonNegativeInteger(query, '_offset') ?? 0 };
}

/**
 * Turns the query string into what a provider sees: only the parameters it declares (with any
 * `:modifier`), repeats kept, empty values dropped. Unknown parameters are ignored, as FHIR's
 * lenient default says, unless the client sent `Prefer: handling=strict`.
 * A _count above the maximum is lowered rather than refused: servers may return fewer.
 */
export function searchRequest(query: URLSearchParams, provider: FhirResourceProvider, strict: boolean): FhirSearchRequest {
  const { count, offset } = pagingOf(query);
  const declared = new Set(provider.searchParams.map((d) => d.name));
  const params: [string, string][] = [];
  const unknown = new Set<string>();
  for (const [key, value] of query) {
    if (key === '_count' || key === '_offset' || IGNORED.has(key)) continue;
    if (!declared.has(splitModifier(key).name)) unknown.add(key);
    else if (value !== '') params.push([key, value]);
  }
  if (strict && unknown.size) throw new AppError(400, 'unknown_search_param', 'fhir.unknown_search_param', { type: provider.type, params: [...unknown].join(', ') });
  return { params, count, offset };
}

/** RFC 7240 Prefer header; FHIR uses `handling=strict|lenient`. */
export function prefersStrict(prefer: string | string[] | undefined): boolean {
  const values = Array.isArray(prefer) ? prefer.join(',') : prefer ?? '';
  return values.split(/[,;]/).some((p) => p.trim().toLowerCase() === 'handling=strict');
}
