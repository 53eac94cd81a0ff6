import { api } from '@kangyun/web-shell/api';
import type {
  Department, Generation, Holiday, InstitutionRules, PoolView, Practitioner, Resource, RuleFields, RuleScope, Season, SessionSummary,
  SubstitutionResult, SuspensionResult, Template,
} from './types';

type Body = Record<string, unknown>;

/** the planning API (排班与号源) */
export const planningApi = {
  departments: (signal?: AbortSignal) => api.get<Department[]>('/api/scheduling/all-departments', undefined, signal),
  practitioners: (departmentId?: number, signal?: AbortSignal) => api.get<Practitioner[]>('/api/scheduling/practitioners', { departmentId }, signal),

  resources: (query: { departmentId?: number; kind?: string; active?: boolean }, signal?: AbortSignal) => api.get<Resource[]>('/api/scheduling/resources', query, signal),
  createResource: (body: Body) => api.post<Resource>('/api/scheduling/resources', body),
  updateResource: (id: number, body: Body) => api.put<Resource>(`/api/scheduling/resources/${id}`, body),
  deleteResource: (id: number) => api.delete(`/api/scheduling/resources/${id}`),

  templates: (query: { departmentId?: number; includeInactive?: boolean }, signal?: AbortSignal) => api.get<Template[]>('/api/scheduling/templates', query, signal),
  createTemplate: (body: Body) => api.post<Template>('/api/scheduling/templates', body),
  updateTemplate: (id: number, body: Body) => api.put<Template>(`/api/scheduling/templates/${id}`, body),
  deleteTemplate: (id: number) => api.delete(`/api/scheduling/templates/${id}`),
  generate: (body: { from: string; to: string; departmentId?: number; async: true }) => api.post<Generation>('/api/scheduling/templates/generate', body),
  generation: (id: number) => api.get<Generation>(`/api/scheduling/templates/generate/${id}`),

  sessions: (query: { from: string; to: string; departmentId?: number }, signal?: AbortSignal) =>
    api.get<SessionSummary[]>('/api/scheduling/sessions', { ...query, includeClosed: true }, signal),
  createSession: (body: Body) => api.post<SessionSummary>('/api/scheduling/sessions', body),
  pool: (id: number, signal?: AbortSignal) => api.get<PoolView>(`/api/scheduling/sessions/${id}/pool`, undefined, signal),
  patchSession: (id: number, body: Body) => api.patch<SessionSummary>(`/api/scheduling/sessions/${id}`, body),
  addNumbers: (id: number, body: Body) => api.post<PoolView>(`/api/scheduling/sessions/${id}/numbers`, body),
  blockNumbers: (id: number, seqs: number[]) => api.post<PoolView>(`/api/scheduling/sessions/${id}/numbers/block`, { seqs }),
  unblockNumbers: (id: number, seqs: number[]) => api.post<PoolView>(`/api/scheduling/sessions/${id}/numbers/unblock`, { seqs }),
  labelNumbers: (id: number, body: Body) => api.post<PoolView>(`/api/scheduling/sessions/${id}/numbers/label`, body),
  setQuotas: (id: number, body: Body) => api.post<PoolView>(`/api/scheduling/sessions/${id}/quotas`, body),
  substitute: (id: number, body: { practitionerId: number; reason: string }) => api.post<SubstitutionResult>(`/api/scheduling/sessions/${id}/substitute`, body),
  suspend: (id: number, body: { reason: string; action: 'move' | 'cancel' }) => api.post<SuspensionResult>(`/api/scheduling/sessions/${id}/suspend`, body),
  resume: (id: number, reason?: string) => api.post<{ free: number }>(`/api/scheduling/sessions/${id}/resume`, { reason }),

  holidays: (year: number, signal?: AbortSignal) => api.get<Holiday[]>('/api/scheduling/holidays', { year }, signal),
  createHoliday: (body: Body) => api.post<{ id: number }>('/api/scheduling/holidays', body),
  updateHoliday: (id: number, body: Body) => api.put<{ id: number }>(`/api/scheduling/holidays/${id}`, body),
  deleteHoliday: (id: number) => api.delete(`/api/scheduling/holidays/${id}`),
  importHolidays: (body: Body) => api.post<{ imported: number; removed: number }>('/api/scheduling/holidays/import', body),
  seasons: (signal?: AbortSignal) => api.get<Season[]>('/api/scheduling/seasons', undefined, signal),
  createSeason: (body: Body) => api.post<Season[]>('/api/scheduling/seasons', body),
  updateSeason: (id: number, body: Body) => api.put<Season[]>(`/api/scheduling/seasons/${id}`, body),
  deleteSeason: (id: number) => api.delete(`/api/scheduling/seasons/${id}`),

  rules: (signal?: AbortSignal) => api.get<InstitutionRules>('/api/scheduling/rules', undefined, signal),
  saveRules: (body: Partial<RuleFields>) => api.put<RuleScope>('/api/scheduling/rules', body),
  departmentRules: (id: number, signal?: AbortSignal) => api.get<RuleScope>(`/api/scheduling/rules/departments/${id}`, undefined, signal),
  saveDepartmentRules: (id: number, body: Partial<RuleFields>) => api.put<RuleScope>(`/api/scheduling/rules/departments/${id}`, body),
  deleteDepartmentRules: (id: number) => api.delete<RuleScope>(`/api/scheduling/rules/departments/${id}`),
};
