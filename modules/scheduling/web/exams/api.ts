import { api, type Paged } from '@kangyun/web-shell/api';
import type { Department, ExamAppointment, ExamItem, ExamItemInput, ExamRule, ExamRuleInput, PatientClass, PatientSummary, PlanProposal } from './types';

export const examsApi = {
  items: (query: { includeInactive?: boolean } = {}, signal?: AbortSignal) => api.get<Paged<ExamItem>>('/api/scheduling/exam-items', query, signal),
  createItem: (body: ExamItemInput) => api.post<ExamItem>('/api/scheduling/exam-items', body),
  updateItem: (id: number, body: ExamItemInput) => api.put<ExamItem>(`/api/scheduling/exam-items/${id}`, body),
  rules: (signal?: AbortSignal) => api.get<Paged<ExamRule>>('/api/scheduling/exam-rules', undefined, signal),
  createRule: (body: ExamRuleInput) => api.post<ExamRule>('/api/scheduling/exam-rules', body),
  updateRule: (id: number, body: ExamRuleInput) => api.put<ExamRule>(`/api/scheduling/exam-rules/${id}`, body),
  deleteRule: (id: number) => api.delete(`/api/scheduling/exam-rules/${id}`),
  departments: (signal?: AbortSignal) => api.get<Department[]>('/api/scheduling/departments', undefined, signal),
  searchPatients: (q: string) => api.get<Paged<PatientSummary>>('/api/patients', { q, pageSize: 10 }),
  patientExams: (patientId: number, signal?: AbortSignal) => api.get<Paged<ExamAppointment>>('/api/scheduling/exam-appointments', { patientId }, signal),
  propose: (body: { patientId: number; examItemIds: number[]; from: string; to: string; patientClass: PatientClass }) =>
    api.post<PlanProposal>('/api/scheduling/exam-plans/propose', body),
  bookPlan: (body: { patientId: number; patientClass: PatientClass; idempotencyKey: string; visits: { examItemIds: number[]; sessionId: number; startsAt: string }[] }) =>
    api.post<{ appointments: ExamAppointment[] }>('/api/scheduling/exam-plans/book', body),
};
