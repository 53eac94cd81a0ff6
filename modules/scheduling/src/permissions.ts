import type { ClientScopeDef, PermissionDef } from '@kangyun/kernel';

export const SCHEDULING_PERMISSIONS: PermissionDef[] = [
  { code: 'schedule.read', group: 'scheduling', kind: 'menu', name: { zh: '查看排班与号源', en: 'View schedules and slot pools' } },
  { code: 'schedule.manage', group: 'scheduling', kind: 'action', name: { zh: '管理排班、号源、节假日与预约规则', en: 'Manage schedules, pools, holidays and booking rules' } },
  { code: 'appointment.read', group: 'scheduling', kind: 'menu', name: { zh: '查看预约', en: 'View appointments' } },
  { code: 'appointment.book', group: 'scheduling', kind: 'action', name: { zh: '预约、改约、取消', en: 'Book, reschedule and cancel appointments' } },
  { code: 'appointment.addon', group: 'scheduling', kind: 'action', name: { zh: '加号', en: 'Add numbers beyond the pool' } },
  { code: 'appointment.stats', group: 'scheduling', kind: 'menu', name: { zh: '预约统计', en: 'Appointment statistics' } },
];

export const SCHEDULING_CLIENT_SCOPES: ClientScopeDef[] = [
  { code: 'booking', name: { zh: '预约挂号（自助机、微信、合作平台）', en: 'Book appointments (kiosk, WeChat, partner platforms)' }, permissions: ['schedule.read', 'appointment.read', 'appointment.book'] },
];
