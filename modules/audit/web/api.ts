import { api } from '@kangyun/web-shell/api';
import type { AuditStat, VerifyResult } from './types';

export const auditApi = {
  stats: (from: string, to: string, signal?: AbortSignal) => api.get<AuditStat[]>('/api/audit/stats', { from, to }, signal),
  verify: () => api.post<VerifyResult>('/api/audit/verify'),
};
