import { Avatar, Button, Dropdown, Grid, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';
import { useSession, useSessionContext } from '../session';
import { ChangePasswordModal } from './ChangePasswordModal';
import { TotpSetupModal } from './TotpSetupModal';

export function UserMenu() {
  const m = useMessages(shellMessages);
  const session = useSession();
  const { logout } = useSessionContext();
  const screens = Grid.useBreakpoint();
  const [dialog, setDialog] = useState<'password' | 'totp' | null>(null);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', type: 'group', label: `${session.user.displayName}（${session.user.username}）` },
            { key: 'password', icon: <KeyOutlined />, label: m.changePassword },
            {
              key: 'totp',
              icon: <SafetyOutlined />,
              label: (
                <span>
                  {m.twoFactor}{' '}
                  <Tag color={session.totpEnabled ? 'success' : 'default'} style={{ marginInlineStart: 4 }}>
                    {session.totpEnabled ? m.twoFactorOn : m.twoFactorOff}
                  </Tag>
                </span>
              ),
            },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: m.logout, danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setDialog('password');
            else if (key === 'totp') setDialog('totp');
            else if (key === 'logout') void logout('logout');
          },
        }}
      >
        <Button type="text" className="header-user" aria-label={session.user.displayName}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1668dc' }} />
          {screens.sm ? <span style={{ marginInlineStart: 6 }}>{session.user.displayName}</span> : null}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={dialog === 'password'} onClose={() => setDialog(null)} />
      <TotpSetupModal open={dialog === 'totp'} onClose={() => setDialog(null)} />
    </>
  );
}
