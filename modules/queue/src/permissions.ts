import type { ClientScopeDef, PermissionDef } from '@kangyun/kernel';

export const QUEUE_PERMISSIONS: PermissionDef[] = [
  { code: 'queue.checkin', group: 'queue', kind: 'menu', name: { zh: '分诊签到', en: 'Triage check-in' } },
  { code: 'queue.call', group: 'queue', kind: 'menu', name: { zh: '叫号（医生、医技）', en: 'Call patients (doctors, technicians)' } },
  { code: 'queue.manage', group: 'queue', kind: 'menu', name: { zh: '管理显示设备、候诊区、播报与排队规则', en: 'Manage display devices, waiting areas, announcements and queue rules' } },
];

/** a kiosk or partner client that checks patients in (签到) through POST /api/queue/checkin */
export const QUEUE_CLIENT_SCOPES: ClientScopeDef[] = [
  { code: 'checkin', name: { zh: '自助签到（自助机）', en: 'Self check-in (kiosks)' }, permissions: ['queue.checkin'] },
];
