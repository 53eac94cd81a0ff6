import { BarChartOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import type { WebArea } from '../area';
import { statsMessages } from './messages';

const zh = statsMessages['zh-CN'];
const en = statsMessages['en-US'];

/** 预约统计: charts and tables of bookings, no-shows, waiting times and utilisation, with Excel export */
export const statsArea: WebArea = {
  routes: [{ path: '/scheduling/stats', permission: 'appointment.stats', element: lazyPage(() => import('./StatsPage')) }],
  menu: [
    {
      key: 'scheduling-stats',
      path: '/scheduling/stats',
      icon: <BarChartOutlined />,
      label: { zh: zh.menu, en: en.menu },
      description: { zh: zh.menuDesc, en: en.menuDesc },
      permission: 'appointment.stats',
    },
  ],
};
