import type { ClientScopeDef, PermissionDef } from '@kangyun/kernel';

/** Permission catalogue of the identity module: organisations, staff, roles, security, integration. */
export const PERMISSIONS: PermissionDef[] = [
  { code: 'home', group: 'general', kind: 'menu', name: { zh: '工作台', en: 'Home' } },
  { code: 'org.read', group: 'organisation', kind: 'menu', name: { zh: '查看组织机构', en: 'View organisations' } },
  { code: 'org.manage', group: 'organisation', kind: 'action', name: { zh: '维护组织机构', en: 'Manage organisations' }, adminKind: 'system' },
  { code: 'staff.read', group: 'organisation', kind: 'menu', name: { zh: '查看人员', en: 'View staff' } },
  { code: 'staff.manage', group: 'organisation', kind: 'action', name: { zh: '维护人员账号', en: 'Manage staff accounts' }, adminKind: 'system' },
  { code: 'role.manage', group: 'security', kind: 'menu', name: { zh: '角色与权限管理', en: 'Manage roles and permissions' }, adminKind: 'security' },
  { code: 'security.policy', group: 'security', kind: 'menu', name: { zh: '安全策略', en: 'Security policy' }, adminKind: 'security' },
  { code: 'account.unlock', group: 'security', kind: 'action', name: { zh: '解锁账号', en: 'Unlock accounts' }, adminKind: 'security' },
  { code: 'share.manage', group: 'security', kind: 'menu', name: { zh: '跨机构数据共享授权', en: 'Cross-institution data sharing' } },
  { code: 'oauth.manage', group: 'system', kind: 'menu', name: { zh: '接口客户端管理', en: 'Integration clients' }, adminKind: 'system' },
];

/** OAuth scopes for integration clients and the permissions each one carries. */
export const CLIENT_SCOPES: ClientScopeDef[] = [
  { code: 'clinical.read', name: { zh: '临床数据读取', en: 'Read clinical data' }, permissions: ['patient.read', 'patient.reveal', 'org.read', 'staff.read'] },
  { code: 'clinical.write', name: { zh: '临床数据写入', en: 'Write clinical data' }, permissions: ['patient.read', 'patient.write'] },
  { code: 'audit.read', name: { zh: '审计日志读取', en: 'Read the audit log' }, permissions: ['audit.read'] },
];
