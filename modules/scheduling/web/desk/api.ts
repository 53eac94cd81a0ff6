import { api } from '@kangyun/web-shell/api';
import type { Appointment, Department, Paged, PatientSummary, Session, Slot } from './types';

/** the desk books with its own quota: 窗口 */
export const DESK_CHANNEL = 'window';

export const deskApi = {
  searchPatients: (q: string, signal?: AbortSignal) => api.get<Paged<PatientSummary>>('/api/patients', { q, pageSize: 10 }, signal),
  appointments: (patientId: number, signal?: AbortSignal) =>
    api.get<Paged<Appointment>>('/api/appointments', { patientId, pageSize: 50 }, signal),
  departments: (signal?: AbortSignal) => api.get<Department[]>('/api/scheduling/departments', { channel: DESK_CHANNEL }, signal),
  sessions: (departmentId: number, date: string, signal?: AbortSignal) =>
    api.get<Session[]>('/api/scheduling/sessions', { from: date, to: date, departmentId, kind: 'clinic', channel: DESK_CHANNEL }, signal),
  slots: (sessionId: number, signal?: AbortSignal) => api.get<Slot[]>(`/api/scheduling/sessions/${sessionId}/slots`, undefined, signal),
  book: (body: { patientId: number; sessionId: number; slotId?: number; idempotencyKey: string }) =>
    api.post<Appointment>('/api/appointments', { ...body, channel: DESK_CHANNEL }),
  reschedule: (id: number, body: { sessionId: number; slotId?: number }) =>
    api.post<Appointment>(`/api/appointments/${id}/reschedule`, { ...body, channel: DESK_CHANNEL }),
  cancel: (id: number, reason: string, version: number) =>
    api.post<Appointment>(`/api/appointments/${id}/cancel`, { reason, version, channel: DESK_CHANNEL }),
  addOn: (sessionId: number, patientId: number) => api.post<Appointment>('/api/appointments/add-on', { sessionId, patientId, channel: DESK_CHANNEL }),
  waitlist: (sessionId: number, patientId: number) =>
    api.post<{ id: number; position?: number }>(`/api/scheduling/sessions/${sessionId}/waitlist`, { patientId, channel: DESK_CHANNEL }),
};

/** a fresh idempotency key for one booking attempt: a double click or a retry of the same attempt sends the same key */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `desk-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
