import type { PermissionDef } from '@kangyun/kernel';

export const ASSESSMENT_PERMISSIONS: PermissionDef[] = [
  { code: 'assessment.read', group: 'assessments', kind: 'menu', name: { zh: '查看评估记录', en: 'View assessments' } },
  { code: 'assessment.write', group: 'assessments', kind: 'action', name: { zh: '进行评估（填写量表）', en: 'Assess patients (fill in scales)' } },
];
