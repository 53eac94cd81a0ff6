import { Tag } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { commonMessages } from '../messages/common';
import type { StaffStatus } from '../types';

const colors: Record<StaffStatus, string> = { active: 'success', locked: 'warning', disabled: 'default' };

export function StaffStatusTag({ status }: { status: StaffStatus }) {
  const m = useMessages(commonMessages);
  return <Tag color={colors[status]}>{m.staffStatus[status] ?? status}</Tag>;
}
