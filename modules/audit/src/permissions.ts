import type { PermissionDef } from '@kangyun/kernel';

export const AUDIT_PERMISSIONS: PermissionDef[] = [
  { code: 'audit.read', group: 'audit', kind: 'menu', name: { zh: '审计日志查询', en: 'Search the audit log' }, adminKind: 'audit' },
  { code: 'audit.export', group: 'audit', kind: 'action', name: { zh: '导出审计日志', en: 'Export the audit log' }, adminKind: 'audit' },
];
