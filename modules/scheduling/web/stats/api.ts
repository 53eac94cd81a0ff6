import { api } from '@kangyun/web-shell/api';
import type { StatsReport, WaitingRow } from './types';

export interface StatsFilters {
  from: string;
  to: string;
  departmentId?: number;
}

export const statsApi = {
  report: (f: StatsFilters, signal?: AbortSignal) => api.get<StatsReport>('/api/scheduling/stats/summary', { ...f }, signal),
  departments: (signal?: AbortSignal) => api.get<{ id: number; name: string }[]>('/api/scheduling/departments', undefined, signal),
  /** the queue module's endpoint; absent (404) when that module is not installed */
  waiting: (f: StatsFilters, signal?: AbortSignal) => api.get<WaitingRow[]>('/api/queue/stats/waiting', { ...f }, signal),
};

/** the export route of one statistics table */
export const tablePath = (table: 'daily' | 'channels' | 'departments' | 'utilisation' | 'resources') => `/api/scheduling/stats/${table}`;
