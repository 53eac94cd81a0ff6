import { api } from '@kangyun/web-shell/api';
import type { DuplicateCandidate, HistoryEntry, Patient, PatientInput, RevealedPatient } from './types';

const path = (id: string) => `/api/patients/${encodeURIComponent(id)}`;

export const patientApi = {
  get: (id: string, signal?: AbortSignal) => api.get<Patient>(path(id), undefined, signal),
  create: (body: PatientInput & { force?: boolean }) => api.post<Patient>('/api/patients', body),
  update: (id: string, body: PatientInput & { version: number }) => api.put<Patient>(path(id), body),
  reveal: (id: string) => api.post<RevealedPatient>(`${path(id)}/reveal`),
  duplicates: (id: string, signal?: AbortSignal) => api.get<DuplicateCandidate[]>(`${path(id)}/duplicates`, undefined, signal),
  merge: (body: { sourceId: string; targetId: string; reason: string }) => api.post<Patient>('/api/patients/merge', body),
  history: (id: string, signal?: AbortSignal) => api.get<HistoryEntry[]>(`${path(id)}/history`, undefined, signal),
};
