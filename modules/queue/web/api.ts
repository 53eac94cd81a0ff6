import { api } from '@kangyun/web-shell/api';
import type {
  Area, CallInfo, CheckinCandidate, CheckinResult, Device, DeviceKind, EntryView, PriorityGroup, QueueRow, QueueRule, QueueRuleRow,
  QueueState, Room, RoomOption, SessionOption, TemplateSetting, CallKind,
} from './types';

export interface CallNextResult {
  call: CallInfo | null;
  entry: EntryView | null;
  previous: { entryId: number; ticket: number; status: string } | null;
  prepared: CallInfo | null;
}

export interface RulesAnswer { institution: QueueRuleRow | null; department: QueueRuleRow | null; effective: QueueRule; defaults: QueueRule }

export interface AreaInput {
  name: string;
  location?: string | null;
  preparePlace?: string | null;
  departmentId?: number | null;
  rooms: { name: string; match: string }[];
  templates?: Partial<Record<CallKind, TemplateSetting | null>>;
}

export interface DeviceInput { name: string; kind: DeviceKind; areaIds: number[]; roomIds: number[]; voice?: boolean }

/** the queue module's staff API */
export const queueApi = {
  candidates: (q: string, departmentId?: number, signal?: AbortSignal) => api.get<CheckinCandidate[]>('/api/queue/checkin/candidates', { q, departmentId }, signal),
  checkIn: (body: { appointmentId: number; priority?: PriorityGroup; override?: { reason: string }; channel?: 'desk' | 'doctor' }) => api.post<CheckinResult>('/api/queue/checkin', body),
  sessions: (query: { departmentId?: number; practitionerId?: number } = {}, signal?: AbortSignal) => api.get<SessionOption[]>('/api/queue/sessions', query, signal),
  openQueue: (sessionId: number) => api.post<QueueRow>('/api/queue/queues/open', { sessionId }),
  queues: (departmentId?: number, signal?: AbortSignal) => api.get<QueueRow[]>('/api/queue/queues', { departmentId }, signal),
  queue: (id: number, signal?: AbortSignal) => api.get<{ queue: QueueRow; state: QueueState; entries: EntryView[] }>(`/api/queue/queues/${id}`, undefined, signal),
  callNext: (id: number, room: string | null, prepareNext: boolean) => api.post<CallNextResult>(`/api/queue/queues/${id}/call-next`, { ...(room ? { room } : {}), prepareNext }),
  changeRooms: (id: number, rooms: string[]) => api.put<QueueRow>(`/api/queue/queues/${id}/rooms`, { rooms }),
  recall: (entryId: number, room?: string | null) => api.post<CallInfo>(`/api/queue/entries/${entryId}/recall`, room ? { room } : {}),
  skip: (entryId: number) => api.post<EntryView>(`/api/queue/entries/${entryId}/skip`, {}),
  start: (entryId: number) => api.post<EntryView>(`/api/queue/entries/${entryId}/start`, {}),
  finish: (entryId: number) => api.post<EntryView>(`/api/queue/entries/${entryId}/finish`, {}),
  hold: (entryId: number, reason: string) => api.post<EntryView>(`/api/queue/entries/${entryId}/hold`, { reason }),
  requeue: (entryId: number) => api.post<EntryView>(`/api/queue/entries/${entryId}/requeue`, {}),
  prepare: (entryId: number, room?: string | null) => api.post<CallInfo>(`/api/queue/entries/${entryId}/prepare`, room ? { room } : {}),
  transfer: (entryId: number, sessionId: number) => api.post<EntryView>(`/api/queue/entries/${entryId}/transfer`, { sessionId }),
  setPriority: (entryId: number, priority: PriorityGroup | null) => api.post<EntryView>(`/api/queue/entries/${entryId}/priority`, { priority }),
  /** 动态加号 is the scheduling module's booking; the queue then checks the patient in */
  addOn: (sessionId: number, patientId: number) => api.post<{ id: number }>('/api/appointments/add-on', { sessionId, patientId, channel: 'doctor' }),
  searchPatients: (q: string, signal?: AbortSignal) => api.get<{ items: { id: number; name: string; sex: string; age: number | null; mrn: string; idNumberMasked: string }[] }>('/api/patients', { q, pageSize: 10 }, signal),
  devices: (signal?: AbortSignal) => api.get<Device[]>('/api/queue/devices', undefined, signal),
  registerDevice: (body: DeviceInput) => api.post<{ device: Device; token: string; url: string }>('/api/queue/devices', body),
  updateDevice: (id: number, body: DeviceInput) => api.put<Device>(`/api/queue/devices/${id}`, body),
  revokeDevice: (id: number) => api.post<Device>(`/api/queue/devices/${id}/revoke`, {}),
  reissueDevice: (id: number) => api.post<{ device: Device; token: string; url: string }>(`/api/queue/devices/${id}/token`, {}),
  areas: (signal?: AbortSignal) => api.get<Area[]>('/api/queue/areas', undefined, signal),
  rooms: (signal?: AbortSignal) => api.get<Room[]>('/api/queue/rooms', undefined, signal),
  roomOptions: (signal?: AbortSignal) => api.get<RoomOption[]>('/api/queue/room-options', undefined, signal),
  createArea: (body: AreaInput) => api.post<{ id: number }>('/api/queue/areas', body),
  updateArea: (id: number, body: AreaInput) => api.put<{ id: number }>(`/api/queue/areas/${id}`, body),
  deleteArea: (id: number) => api.delete(`/api/queue/areas/${id}`),
  templates: (signal?: AbortSignal) => api.get<{ templates: Partial<Record<CallKind, TemplateSetting>>; defaults: Record<CallKind, TemplateSetting> }>('/api/queue/templates', undefined, signal),
  saveTemplates: (body: Partial<Record<CallKind, TemplateSetting | null>>) => api.put('/api/queue/templates', body),
  rules: (departmentId?: number, signal?: AbortSignal) => api.get<RulesAnswer>('/api/queue/rules', { departmentId }, signal),
  saveRules: (body: Partial<QueueRuleRow> & { departmentId: number | null }) => api.put<RulesAnswer>('/api/queue/rules', body),
  departments: (signal?: AbortSignal) => api.get<{ id: number; name: string }[]>('/api/scheduling/departments', undefined, signal),
};
