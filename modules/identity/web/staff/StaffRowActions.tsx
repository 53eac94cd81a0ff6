import { Button, Dropdown, Flex, type MenuProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { commonMessages } from '../messages/common';
import { staffMessages } from '../messages/staff';
import type { Staff } from '../types';

export type StaffAction = 'edit' | 'posts' | 'unlock' | 'reset' | 'disable' | 'enable';

export function StaffRowActions({ staff, onAction }: { staff: Staff; onAction: (action: StaffAction, staff: Staff) => void }) {
  const m = useMessages(staffMessages);
  const c = useMessages(commonMessages);
  const items: MenuProps['items'] = [
    ...(staff.status === 'locked' ? [{ key: 'unlock', label: m.unlock }] : []),
    { key: 'reset', label: m.resetPassword },
    { type: 'divider' as const },
    staff.status === 'disabled' ? { key: 'enable', label: m.enable } : { key: 'disable', label: m.disable, danger: true },
  ];
  return (
    <Flex gap={0} wrap={false}>
      <Button type="link" size="small" onClick={() => onAction('edit', staff)}>
        {c.edit}
      </Button>
      <Button type="link" size="small" onClick={() => onAction('posts', staff)}>
        {m.managePosts}
      </Button>
      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => onAction(key as StaffAction, staff) }}>
        <Button type="link" size="small">
          {m.more} <DownOutlined />
        </Button>
      </Dropdown>
    </Flex>
  );
}
