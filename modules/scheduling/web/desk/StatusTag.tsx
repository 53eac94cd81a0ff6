import { Tag } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { deskMessages } from './messages';

const COLORS: Record<string, string> = {
  held: 'gold', booked: 'blue', checked_in: 'cyan', fulfilled: 'green', cancelled: 'default', noshow: 'red', expired: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const m = useMessages(deskMessages);
  return <Tag color={COLORS[status] ?? 'default'}>{m.status[status] ?? status}</Tag>;
}
