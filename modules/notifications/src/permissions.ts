import type { PermissionDef } from '@kangyun/kernel';

export const NOTIFICATION_PERMISSIONS: PermissionDef[] = [
  { code: 'notification.read', group: 'notification', kind: 'menu', name: { zh: '查看消息发送记录', en: 'View notification deliveries' } },
  { code: 'notification.admin', group: 'notification', kind: 'action', name: { zh: '消息服务商设置与重发', en: 'Configure notification providers and resend' } },
];
