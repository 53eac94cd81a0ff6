import { Tag } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { portalMessages } from '../messages';
import type { AppointmentStatus } from '../types';

const COLOR: Record<AppointmentStatus, string | undefined> = {
  held: 'orange', booked: 'blue', checked_in: 'green', fulfilled: undefined, cancelled: undefined, noshow: 'red', expired: undefined,
};

export function StatusTag({ status }: { status: AppointmentStatus }) {
  const m = useMessages(portalMessages);
  return <Tag color={COLOR[status]} style={{ marginInlineEnd: 0 }} data-status={status}>{m.statuses[status]}</Tag>;
}
