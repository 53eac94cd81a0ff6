import { ScheduleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import type { WebArea } from '../area';
import { deskMessages } from './messages';

const zh = deskMessages['zh-CN'];
const en = deskMessages['en-US'];

/** 预约挂号台 (book, reschedule, cancel, add on, print the slip) and the desk's day list */
export const deskArea: WebArea = {
  routes: [
    { path: '/scheduling/desk', permission: 'appointment.book', element: lazyPage(() => import('./BookingDeskPage')) },
    { path: '/scheduling/desk/day', permission: 'appointment.read', element: lazyPage(() => import('./DayViewPage')) },
  ],
  menu: [
    {
      key: 'scheduling-desk',
      path: '/scheduling/desk',
      icon: <ScheduleOutlined />,
      label: { zh: zh.menu, en: en.menu },
      description: { zh: zh.menuDesc, en: en.menuDesc },
      permission: 'appointment.book',
    },
    {
      key: 'scheduling-desk-day',
      path: '/scheduling/desk/day',
      icon: <UnorderedListOutlined />,
      label: { zh: zh.dayMenu, en: en.dayMenu },
      description: { zh: zh.dayMenuDesc, en: en.dayMenuDesc },
      permission: 'appointment.read',
    },
  ],
};
