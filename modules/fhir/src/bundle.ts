import type { Bundle, BundleLink, Resource } from '@medplum/fhirtypes';
import type { FhirSearchRequest } from '@kangyun/kernel';

export interface SearchsetInput {
  /** absolute server base, e.g. https://host/fhir/R4 */
  base: string;
  type: string;
  request: FhirSearchRequest;
  resources: Resource[];
  total: number;
}

/** URL of another page of the same search: the parameters the provider applied, then paging. */
export function pageUrl(base: string, type: string, request: FhirSearchRequest, offset: number): string {
  const q = new URLSearchParams(request.params);
  q.set('_count', String(request.count));
  q.set('_offset', String(offset));
  return `${base}/${type}?${q.toString()}`;
}

/**
 * Paging links. The self link lists only the parameters that were applied, so a client can see
 * which of its parameters the server ignored (R4 §3.1.1.4).
 */
export function pageLinks(base: string, type: string, request: FhirSearchRequest, total: number): BundleLink[] {
  const { count, offset } = request;
  const url = (o: number) => pageUrl(base, type, request, o);
  const links: BundleLink[] = [{ relation: 'self', url: url(offset) }];
  if (count === 0) return links;
  links.push({ relation: 'first', url: url(0) });
  if (offset > 0) links.push({ relation: 'previous', url: url(Math.max(0, offset - count)) });
  if (offset + count < total) links.push({ relation: 'next', url: url(offset + count) });
  links.push({ relation: 'last', url: url(total === 0 ? 0 : Math.floor((total - 1) / count) * count) });
  return links;
}

export function searchsetBundle({ base, type, request, resources, total }: SearchsetInput): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    meta: { lastUpdated: new Date().toISOString() },
    total,
    link: pageLinks(base, type, request, total),
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    })),
  };
}
