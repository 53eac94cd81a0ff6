import { api } from '@kangyun/web-shell/api';
import type { Id, DuplicateCandidate, HistoryEntry, Patient, PatientInput, RevealedPatient } from './types';

const path = (id: Id) => `/api/patients/${encodeURIComponent(id)}`;

export const patientApi = {
  get: (id: Id, signal?: AbortSignal) => api.get<Patient>(path(id), undefined, signal),
  create: (body: PatientInput & { force?: boolean }) => api.post<Patient>('/api/patients', body),
  update: (id: Id, body: PatientInput & { version: number }) => api.put<Patient>(path(id), body),
  reveal: (id: Id) => api.post<RevealedPatient>(`${path(id)}/reveal`),
  duplicates: (id: Id, signal?: AbortSignal) => api.get<DuplicateCandidate[]>(`${path(id)}/duplicates`, undefined, signal),
  merge: (body: { sourceId: Id; targetId: Id; reason: string }) => api.post<Patient>('/api/patients/merge', body),
  history: (id: Id, signal?: AbortSignal) => api.get<HistoryEntry[]>(`${path(id)}/history`, undefined, signal),
};
