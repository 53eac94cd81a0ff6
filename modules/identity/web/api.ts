import { api } from '@kangyun/web-shell/api';
import type { Id, NewAssignment, OAuthClient, OAuthScope, OrgKind, OrgNode, InstitutionType, Permission, Role, SecurityPolicy, Staff, StaffStatus, DataScope } from './types';

export const orgApi = {
  tree: (signal?: AbortSignal) => api.get<OrgNode[]>('/api/orgs/tree', undefined, signal),
  create: (body: { parentId: Id | null; kind: OrgKind; name: string; code: string; institutionType?: InstitutionType }) =>
    api.post<OrgNode>('/api/orgs', body),
  update: (id: Id, body: { name?: string; code?: string }) => api.patch<OrgNode>(`/api/orgs/${encodeURIComponent(id)}`, body),
};

const staffPath = (id: Id) => `/api/staff/${encodeURIComponent(id)}`;

export const staffApi = {
  create: (body: { username: string; displayName: string; mobile?: string; initialPassword: string; assignments: NewAssignment[] }) =>
    api.post<Staff>('/api/staff', body),
  update: (id: Id, body: { displayName?: string; mobile?: string; status?: StaffStatus }) => api.patch<Staff>(staffPath(id), body),
  addAssignment: (id: Id, body: NewAssignment) => api.post(`${staffPath(id)}/assignments`, body),
  removeAssignment: (id: Id, assignmentId: Id) =>
    api.delete(`${staffPath(id)}/assignments/${encodeURIComponent(assignmentId)}`),
  unlock: (id: Id) => api.post(`${staffPath(id)}/unlock`),
  resetPassword: (id: Id, newPassword: string) => api.post(`${staffPath(id)}/reset-password`, { newPassword }),
};

export const roleApi = {
  permissions: (signal?: AbortSignal) => api.get<Permission[]>('/api/permissions', undefined, signal),
  list: (institutionId?: Id, signal?: AbortSignal) => api.get<Role[]>('/api/roles', { institutionId }, signal),
  create: (body: { name: string; permissions: string[]; dataScope: DataScope; institutionId: Id | null }) => api.post<Role>('/api/roles', body),
  update: (id: Id, body: { name: string; permissions: string[]; dataScope: DataScope }) =>
    api.put<Role>(`/api/roles/${encodeURIComponent(id)}`, body),
  remove: (id: Id) => api.delete(`/api/roles/${encodeURIComponent(id)}`),
};

export const securityApi = {
  get: (signal?: AbortSignal) => api.get<SecurityPolicy>('/api/security/policy', undefined, signal),
  save: (policy: SecurityPolicy) => api.put<SecurityPolicy>('/api/security/policy', policy),
};

export const oauthApi = {
  list: (signal?: AbortSignal) => api.get<OAuthClient[]>('/api/oauth-clients', undefined, signal),
  scopes: (signal?: AbortSignal) => api.get<OAuthScope[]>('/api/oauth-clients/scopes', undefined, signal),
  create: (body: { clientId: string; name: string; scopes: string[]; institutionId: Id }) =>
    api.post<OAuthClient & { clientSecret: string }>('/api/oauth-clients', body),
  setEnabled: (id: Id, enabled: boolean) => api.patch<OAuthClient>(`/api/oauth-clients/${encodeURIComponent(id)}`, { enabled }),
};
