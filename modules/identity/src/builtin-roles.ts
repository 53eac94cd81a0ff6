import type { DataScope } from '@kangyun/kernel';

export interface BuiltinRole {
  code: string;
  name: { zh: string; en: string };
  permissions: string[];
  dataScope: DataScope;
  adminKind: 'system' | 'security' | 'audit' | null;
}

const clinical = ['home', 'patient.read', 'patient.write', 'org.read', 'staff.read'];
/** seeing schedules and booking for a patient: every clinical desk can do it */
const booking = ['schedule.read', 'appointment.read', 'appointment.book'];
/** assessing patients with scales: doctors, nurses and the psychosocial team */
const assessing = ['assessment.read', 'assessment.write'];

/**
 * Built-in roles. The three administrators follow 等保三级 三权分立: the system admin runs
 * accounts and configuration but sees no patient data and no audit log; the security admin
 * runs roles and security policy; the audit admin only reads and exports the audit log.
 */
export const BUILTIN_ROLES: BuiltinRole[] = [
  { code: 'doctor', name: { zh: '医生', en: 'Doctor' }, permissions: [...clinical, ...booking, ...assessing, 'patient.reveal', 'patient.merge', 'appointment.addon', 'queue.call'], dataScope: 'institution', adminKind: null },
  { code: 'nurse', name: { zh: '护士', en: 'Nurse' }, permissions: [...clinical, ...booking, ...assessing, 'patient.reveal', 'queue.checkin', 'queue.call', 'queue.manage'], dataScope: 'institution', adminKind: null },
  { code: 'registrar', name: { zh: '挂号预约员', en: 'Registration and booking clerk' }, permissions: [...clinical, ...booking, 'appointment.addon', 'queue.checkin', 'appointment.stats', 'notification.read'], dataScope: 'institution', adminKind: null },
  { code: 'scheduler', name: { zh: '排班管理员', en: 'Schedule administrator' }, permissions: ['home', 'org.read', 'staff.read', 'patient.read', ...booking, 'schedule.manage', 'appointment.stats', 'queue.manage'], dataScope: 'institution', adminKind: null },
  { code: 'pharmacist', name: { zh: '药师', en: 'Pharmacist' }, permissions: ['home', 'patient.read', 'org.read', 'staff.read'], dataScope: 'institution', adminKind: null },
  { code: 'psychologist', name: { zh: '心理治疗师', en: 'Psychologist' }, permissions: [...clinical, ...assessing], dataScope: 'department', adminKind: null },
  { code: 'social_worker', name: { zh: '社工', en: 'Social worker' }, permissions: [...clinical, ...assessing], dataScope: 'department', adminKind: null },
  { code: 'volunteer', name: { zh: '志愿者', en: 'Volunteer' }, permissions: ['home', 'patient.read'], dataScope: 'own', adminKind: null },
  { code: 'record_clerk', name: { zh: '病案管理员', en: 'Medical-record clerk' }, permissions: [...clinical, 'patient.reveal', 'patient.merge'], dataScope: 'institution', adminKind: null },
  { code: 'medtech', name: { zh: '医技人员', en: 'Medical-technology technician' }, permissions: ['home', 'patient.read', 'org.read', ...booking, 'queue.checkin', 'queue.call'], dataScope: 'institution', adminKind: null },
  { code: 'institution_admin', name: { zh: '机构管理员', en: 'Institution administrator' }, permissions: ['home', 'org.read', 'staff.read', 'staff.manage', 'role.manage', 'share.manage', 'schedule.read', 'schedule.manage', 'appointment.stats', 'queue.manage', 'notification.read', 'notification.admin'], dataScope: 'institution', adminKind: null },
  { code: 'system_admin', name: { zh: '系统管理员', en: 'System administrator' }, permissions: ['home', 'org.read', 'org.manage', 'staff.read', 'staff.manage', 'oauth.manage', 'notification.admin'], dataScope: 'region', adminKind: 'system' },
  { code: 'security_admin', name: { zh: '安全管理员', en: 'Security administrator' }, permissions: ['home', 'org.read', 'staff.read', 'role.manage', 'security.policy', 'account.unlock', 'share.manage'], dataScope: 'region', adminKind: 'security' },
  { code: 'audit_admin', name: { zh: '审计管理员', en: 'Audit administrator' }, permissions: ['home', 'audit.read', 'audit.export'], dataScope: 'region', adminKind: 'audit' },
];
