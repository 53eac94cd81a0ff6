import { CalendarOutlined, ClockCircleOutlined, MedicineBoxOutlined, ScheduleOutlined, SettingOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import type { WebArea } from '../area';
import { planningMessages } from './messages';

const zh = planningMessages['zh-CN'].menu;
const en = planningMessages['en-US'].menu;
const item = (key: keyof typeof zh & string, descKey: keyof typeof zh & string) => ({ label: { zh: zh[key], en: en[key] }, description: { zh: zh[descKey], en: en[descKey] } });

/** planning pages (排班与号源): templates, calendar and pool editor, holidays and seasons, booking rules, resources */
export const planningArea: WebArea = {
  routes: [
    { path: '/scheduling/templates', permission: 'schedule.read', element: lazyPage(() => import('./templates/TemplatesPage')) },
    { path: '/scheduling/calendar', permission: 'schedule.read', element: lazyPage(() => import('./calendar/CalendarPage')) },
    { path: '/scheduling/holidays', permission: 'schedule.read', element: lazyPage(() => import('./holidays/HolidaysPage')) },
    { path: '/scheduling/rules', permission: 'schedule.manage', element: lazyPage(() => import('./rules/RulesPage')) },
    { path: '/scheduling/resources', permission: 'schedule.manage', element: lazyPage(() => import('./resources/ResourcesPage')) },
  ],
  menu: [
    { key: 'scheduling-calendar', path: '/scheduling/calendar', icon: <CalendarOutlined />, permission: 'schedule.read', ...item('calendar', 'calendarDesc') },
    { key: 'scheduling-templates', path: '/scheduling/templates', icon: <ScheduleOutlined />, permission: 'schedule.read', ...item('templates', 'templatesDesc') },
    { key: 'scheduling-holidays', path: '/scheduling/holidays', icon: <ClockCircleOutlined />, permission: 'schedule.read', ...item('holidays', 'holidaysDesc') },
    { key: 'scheduling-rules', path: '/scheduling/rules', icon: <SettingOutlined />, permission: 'schedule.manage', ...item('rules', 'rulesDesc') },
    { key: 'scheduling-resources', path: '/scheduling/resources', icon: <MedicineBoxOutlined />, permission: 'schedule.manage', ...item('resources', 'resourcesDesc') },
  ],
};
