import { isApiError } from '@kangyun/web-shell/api';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { statsApi, type StatsFilters } from './api';
import type { WaitingRow } from './types';

export type WaitingState = { state: 'loading' } | { state: 'missing' } | { state: 'forbidden' } | { state: 'error'; retry: () => void } | { state: 'ok'; rows: WaitingRow[] };

/**
 * Waiting times belong to the queue module (modules do not import each other): the page asks
 * its endpoint from the browser and says so plainly when it is not there or not allowed.
 */
export function useWaiting(f: StatsFilters): WaitingState {
  const req = useRequest((signal) => statsApi.waiting(f, signal), [f.from, f.to, f.departmentId]);
  if (req.loading && !req.data) return { state: 'loading' };
  if (req.error) {
    if (isApiError(req.error) && req.error.status === 404) return { state: 'missing' };
    if (isApiError(req.error) && req.error.status === 403) return { state: 'forbidden' };
    return { state: 'error', retry: req.reload };
  }
  return { state: 'ok', rows: Array.isArray(req.data) ? req.data : [] };
}

/** daily percentiles cannot be merged exactly; their patient-weighted mean is what the summary shows (and says) */
export function weighted(rows: WaitingRow[], key: 'p50Minutes' | 'p90Minutes' | 'avgMinutes'): number | null {
  const n = rows.reduce((s, r) => s + r.count, 0);
  return n ? Math.round((rows.reduce((s, r) => s + r[key] * r.count, 0) / n) * 10) / 10 : null;
}
