import { ApartmentOutlined, ApiOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import { defineWebModule } from '@kangyun/web-shell/module';
import { LockedAccountsCard } from './home/LockedAccountsCard';
import { oauthMessages } from './messages/oauth';
import { orgMessages } from './messages/org';
import { roleMessages } from './messages/roles';
import { securityMessages } from './messages/security';
import { staffMessages } from './messages/staff';

const label = (messages: { 'zh-CN': { menu: string }; 'en-US': { menu: string } }) => ({ zh: messages['zh-CN'].menu, en: messages['en-US'].menu });
const description = (messages: { 'zh-CN': { menuDesc: string }; 'en-US': { menuDesc: string } }) => ({
  zh: messages['zh-CN'].menuDesc,
  en: messages['en-US'].menuDesc,
});

export default defineWebModule({
  id: 'identity',
  order: 80,
  menuGroup: { label: { zh: '系统管理', en: 'Administration' }, icon: <SettingOutlined /> },
  routes: [
    { path: '/org', permission: 'org.read', element: lazyPage(() => import('./org/OrgPage')) },
    { path: '/staff', permission: 'staff.read', element: lazyPage(() => import('./staff/StaffPage')) },
    { path: '/roles', permission: 'role.manage', element: lazyPage(() => import('./roles/RolesPage')) },
    { path: '/oauth-clients', permission: 'oauth.manage', element: lazyPage(() => import('./oauth/OAuthClientsPage')) },
    { path: '/security-policy', permission: 'security.policy', element: lazyPage(() => import('./security/SecurityPolicyPage')) },
  ],
  menu: [
    { key: 'org', path: '/org', icon: <ApartmentOutlined />, label: label(orgMessages), description: description(orgMessages), permission: 'org.read' },
    { key: 'staff', path: '/staff', icon: <TeamOutlined />, label: label(staffMessages), description: description(staffMessages), permission: 'staff.read' },
    { key: 'roles', path: '/roles', icon: <UserSwitchOutlined />, label: label(roleMessages), description: description(roleMessages), permission: 'role.manage' },
    { key: 'oauth-clients', path: '/oauth-clients', icon: <ApiOutlined />, label: label(oauthMessages), description: description(oauthMessages), permission: 'oauth.manage' },
    {
      key: 'security-policy',
      path: '/security-policy',
      icon: <SafetyCertificateOutlined />,
      label: label(securityMessages),
      description: description(securityMessages),
      permission: 'security.policy',
    },
  ],
  home: [{ key: 'locked-accounts', permission: 'account.unlock', element: <LockedAccountsCard />, order: 60 }],
});
