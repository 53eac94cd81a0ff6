import { api } from '@kangyun/web-shell/api';
import type { ExternalChannel, InboxPage, Provider, ProviderInput, TestResult } from './types';

export const notificationsApi = {
  retry: (id: number) => api.post<{ id: number; status: string }>(`/api/notifications/${id}/retry`),
  retryMany: (ids: number[]) => api.post<{ retried: number; ids: number[] }>('/api/notifications/retry', { ids }),
  providers: (signal?: AbortSignal) => api.get<Provider[]>('/api/notifications/providers', undefined, signal),
  saveProvider: (channel: ExternalChannel, input: ProviderInput) => api.put<Provider>(`/api/notifications/providers/${channel}`, input),
  testProvider: (channel: ExternalChannel, destination: string) => api.post<TestResult>(`/api/notifications/providers/${channel}/test`, { destination }),
  inbox: (query: { page?: number; pageSize?: number; unreadOnly?: boolean }, signal?: AbortSignal) =>
    api.get<InboxPage>('/api/notifications/inbox', query, signal),
  markRead: (id: number) => api.post<void>(`/api/notifications/inbox/${id}/read`),
  markAllRead: () => api.post<{ updated: number }>('/api/notifications/inbox/read-all'),
};
