import { Button, Dropdown, Flex, type MenuProps } from 'antd';
import { DownOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { commonMessages } from '../messages/common';
import { staffMessages } from '../messages/staff';
import type { Staff } from '../types';

export type StaffAction = 'edit' | 'posts' | 'unlock' | 'reset' | 'disable' | 'enable';

/** Staff administrators (staff.manage) edit accounts; security administrators (account.unlock) unlock them. */
export function StaffRowActions({ staff, onAction }: { staff: Staff; onAction: (action: StaffAction, staff: Staff) => void }) {
  const m = useMessages(staffMessages);
  const c = useMessages(commonMessages);
  const can = useCan();
  const manage = can('staff.manage');
  const unlock = can('account.unlock') && staff.status === 'locked';
  const items: MenuProps['items'] = [
    { key: 'reset', label: m.resetPassword },
    { type: 'divider' as const },
    staff.status === 'disabled' ? { key: 'enable', label: m.enable } : { key: 'disable', label: m.disable, danger: true },
  ];
  return (
    <Flex gap={0} wrap={false}>
      {unlock ? (
        <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => onAction('unlock', staff)}>
          {m.unlock}
        </Button>
      ) : null}
      {manage ? (
        <>
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
        </>
      ) : null}
    </Flex>
  );
}
