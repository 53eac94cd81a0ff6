import { ApartmentOutlined, DesktopOutlined, NotificationOutlined, ScanOutlined, SettingOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import { defineWebModule } from '@kangyun/web-shell/module';
import { queueMessages } from './messages';

const zh = queueMessages['zh-CN'].menu;
const en = queueMessages['en-US'].menu;

/**
 * 分诊与叫号: staff pages (check-in desk, calling panel, display devices, waiting areas and
 * announcements, queue rules) and the pages outside staff sign-in — display screens opened with a
 * device token (/display/big, /display/door, /display/kiosk, /display/voice-check) and the
 * patient's phone (/m/checkin/:id, /m/queue/:id, portal session).
 */
export default defineWebModule({
  id: 'queue',
  order: 35,
  menuGroup: { label: { zh: queueMessages['zh-CN'].menuGroup, en: queueMessages['en-US'].menuGroup }, icon: <ApartmentOutlined /> },
  routes: [
    { path: '/queue/checkin', permission: 'queue.checkin', element: lazyPage(() => import('./desk/CheckinDeskPage')) },
    { path: '/queue/calling', permission: 'queue.call', element: lazyPage(() => import('./calling/CallingPage')) },
    { path: '/queue/devices', permission: 'queue.manage', element: lazyPage(() => import('./devices/DevicesPage')) },
    { path: '/queue/areas', permission: 'queue.manage', element: lazyPage(() => import('./areas/AreasPage')) },
    { path: '/queue/rules', permission: 'queue.manage', element: lazyPage(() => import('./rules/RulesPage')) },
  ],
  standaloneRoutes: [
    { path: '/display/big', element: lazyPage(() => import('./display/BigScreenPage')) },
    { path: '/display/door', element: lazyPage(() => import('./display/DoorScreenPage')) },
    { path: '/display/kiosk', element: lazyPage(() => import('./display/KioskPage')) },
    { path: '/display/voice-check', element: lazyPage(() => import('./voice/VoiceCheckPage')) },
    { path: '/m/checkin/:appointmentId', element: lazyPage(() => import('./patient/CheckinPage')) },
    { path: '/m/queue/:appointmentId', element: lazyPage(() => import('./patient/MyQueuePage')) },
  ],
  menu: [
    { key: 'queue-checkin', path: '/queue/checkin', icon: <ScanOutlined />, label: { zh: zh.checkin, en: en.checkin }, description: { zh: zh.checkinDesc, en: en.checkinDesc }, permission: 'queue.checkin' },
    { key: 'queue-calling', path: '/queue/calling', icon: <NotificationOutlined />, label: { zh: zh.calling, en: en.calling }, description: { zh: zh.callingDesc, en: en.callingDesc }, permission: 'queue.call' },
    { key: 'queue-devices', path: '/queue/devices', icon: <DesktopOutlined />, label: { zh: zh.devices, en: en.devices }, description: { zh: zh.devicesDesc, en: en.devicesDesc }, permission: 'queue.manage' },
    { key: 'queue-areas', path: '/queue/areas', icon: <NotificationOutlined />, label: { zh: zh.areas, en: en.areas }, description: { zh: zh.areasDesc, en: en.areasDesc }, permission: 'queue.manage' },
    { key: 'queue-rules', path: '/queue/rules', icon: <SettingOutlined />, label: { zh: zh.rules, en: en.rules }, description: { zh: zh.rulesDesc, en: en.rulesDesc }, permission: 'queue.manage' },
  ],
});
