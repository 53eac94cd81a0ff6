import type { PermissionDef } from '@kangyun/kernel';

export const PATIENT_PERMISSIONS: PermissionDef[] = [
  { code: 'patient.read', group: 'patient', kind: 'menu', name: { zh: '查看患者', en: 'View patients' } },
  { code: 'patient.write', group: 'patient', kind: 'action', name: { zh: '登记和修改患者', en: 'Register and edit patients' } },
  { code: 'patient.reveal', group: 'patient', kind: 'action', name: { zh: '查看完整敏感信息', en: 'See unmasked personal data' } },
  { code: 'patient.merge', group: 'patient', kind: 'action', name: { zh: '合并重复患者', en: 'Merge duplicate patients' } },
];
