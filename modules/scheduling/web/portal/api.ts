import { ApiError } from '@kangyun/web-shell/api';
import { getLang } from '@kangyun/web-shell/i18n';
import type {
  DepartmentSessions, Inbox, PortalAppointment, PortalDepartment, PortalInstitution, PortalPatient, PortalSegment, PortalSession, WaitlistEntry,
} from './types';

/**
 * The phone pages' own fetch: same problem+json errors as the staff shell, but a 401 here means
 * "the patient must verify again", which the portal pages handle themselves (the staff shell's
 * 401 listeners must not sign a staff member out because a patient page was opened in the same browser).
 */
async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', 'Accept-Language': getLang(), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error', title: getLang() === 'zh-CN' ? '网络不可用，请检查网络后重试' : 'No network; check your connection and try again' });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await response.json().catch(() => ({})) : {};
  if (!response.ok) {
    const problem = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    return Promise.reject(new ApiError({
      status: response.status,
      code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
      title: typeof problem.title === 'string' ? problem.title : response.statusText,
      detail: typeof problem.detail === 'string' ? problem.detail : undefined,
      errors: Array.isArray(problem.errors) ? (problem.errors as { field: string; code: string; message: string }[]) : undefined,
      body: problem,
    }));
  }
  return data as T;
}

const get = <T,>(path: string, signal?: AbortSignal) => call<T>('GET', path, undefined, signal);
const post = <T,>(path: string, body: unknown = {}, headers?: Record<string, string>) => call<T>('POST', path, body, undefined, headers);

export interface Credentials {
  name: string;
  idType?: 'resident_id' | 'passport' | 'other';
  idNumber: string;
  mobile: string;
}

export const portalApi = {
  // identity (patients module)
  me: (signal?: AbortSignal) => get<PortalPatient>('/api/portal/me', signal),
  login: (body: Credentials) => post<PortalPatient>('/api/portal/login', body),
  register: (body: Credentials & { institutionId: number }) => post<PortalPatient & { created: boolean }>('/api/portal/register', body),
  logout: () => post<void>('/api/portal/logout'),
  addRecord: (institutionId: number) => post<PortalPatient & { created: boolean }>('/api/portal/records', { institutionId }),
  // what can be booked (public)
  institutions: (signal?: AbortSignal) => get<PortalInstitution[]>('/api/portal/institutions', signal),
  departments: (institutionId: number, signal?: AbortSignal) => get<PortalDepartment[]>(`/api/portal/institutions/${institutionId}/departments`, signal),
  sessions: (departmentId: number, signal?: AbortSignal) => get<DepartmentSessions>(`/api/portal/departments/${departmentId}/sessions`, signal),
  session: (sessionId: number, signal?: AbortSignal) => get<{ session: PortalSession; segments: PortalSegment[] }>(`/api/portal/sessions/${sessionId}`, signal),
  // the patient's own
  book: (body: { sessionId: number; slotId?: number | null; idempotencyKey: string }) =>
    post<PortalAppointment>('/api/portal/appointments', { sessionId: body.sessionId, ...(body.slotId ? { slotId: body.slotId } : {}), idempotencyKey: body.idempotencyKey }),
  appointments: (signal?: AbortSignal) => get<{ items: PortalAppointment[] }>('/api/portal/appointments', signal),
  appointment: (id: number | string, signal?: AbortSignal) => get<PortalAppointment>(`/api/portal/appointments/${encodeURIComponent(id)}`, signal),
  cancel: (id: number, reason: string) => post<PortalAppointment>(`/api/portal/appointments/${id}/cancel`, { reason }),
  reschedule: (id: number, body: { sessionId: number; slotId?: number | null }) =>
    post<PortalAppointment>(`/api/portal/appointments/${id}/reschedule`, { sessionId: body.sessionId, ...(body.slotId ? { slotId: body.slotId } : {}) }),
  joinWaitlist: (sessionId: number) => post<{ id: number; position: number }>(`/api/portal/sessions/${sessionId}/waitlist`),
  waitlist: (signal?: AbortSignal) => get<{ items: WaitlistEntry[] }>('/api/portal/waitlist', signal),
  leaveWaitlist: (id: number) => post<{ id: number }>(`/api/portal/waitlist/${id}/cancel`),
  messages: (signal?: AbortSignal) => get<Inbox>('/api/portal/messages?pageSize=50', signal),
  unread: (signal?: AbortSignal) => get<{ unread: number }>('/api/portal/messages/unread', signal),
  markRead: (id: number) => post<void>(`/api/portal/messages/${id}/read`),
  markAllRead: () => post<{ updated: number }>('/api/portal/messages/read-all'),
};
