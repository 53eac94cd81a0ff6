import { NotificationOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import { defineWebModule } from '@kangyun/web-shell/module';
import { InboxCard } from './InboxCard';
import { notificationMessages } from './messages';

const zh = notificationMessages['zh-CN'];
const en = notificationMessages['en-US'];
const STAFF_VIEW = ['notification.read', 'notification.admin'];

export default defineWebModule({
  id: 'notifications',
  order: 85,
  routes: [
    { path: '/notifications', permission: STAFF_VIEW, element: lazyPage(() => import('./NotificationsPage')) },
    // everyone's own in-app messages: no permission beyond being signed in
    { path: '/inbox', element: lazyPage(() => import('./InboxPage')) },
  ],
  menu: [
    {
      key: 'notifications',
      path: '/notifications',
      icon: <NotificationOutlined />,
      label: { zh: zh.menu, en: en.menu },
      description: { zh: zh.menuDesc, en: en.menuDesc },
      permission: STAFF_VIEW,
    },
  ],
  home: [{ key: 'inbox', element: <InboxCard />, order: 15 }],
});
