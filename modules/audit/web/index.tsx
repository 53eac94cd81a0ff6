import { AuditOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import { defineWebModule } from '@kangyun/web-shell/module';
import { auditMessages } from './messages';

const zh = auditMessages['zh-CN'];
const en = auditMessages['en-US'];

export default defineWebModule({
  id: 'audit',
  order: 90,
  routes: [{ path: '/audit', permission: 'audit.read', element: lazyPage(() => import('./AuditPage')) }],
  menu: [
    {
      key: 'audit',
      path: '/audit',
      icon: <AuditOutlined />,
      label: { zh: zh.menu, en: en.menu },
      description: { zh: zh.menuDesc, en: en.menuDesc },
      permission: 'audit.read',
    },
  ],
});
