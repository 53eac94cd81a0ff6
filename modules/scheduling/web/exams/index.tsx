import { ExperimentOutlined, FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyPage } from '@kangyun/web-shell/components/lazyPage';
import type { WebArea } from '../area';
import { examMessages } from './messages';

const zh = examMessages['zh-CN'];
const en = examMessages['en-US'];

/** 检查预约 (order sets, plan, slip), 检查项目 catalogue and 检查预约规则库 */
export const examsArea: WebArea = {
  routes: [
    { path: '/scheduling/exams', permission: 'appointment.book', element: lazyPage(() => import('./book/ExamBookingPage')) },
    { path: '/scheduling/exam-items', permission: 'schedule.read', element: lazyPage(() => import('./items/ExamItemsPage')) },
    { path: '/scheduling/exam-rules', permission: 'schedule.read', element: lazyPage(() => import('./rules/ExamRulesPage')) },
  ],
  menu: [
    {
      key: 'scheduling-exams',
      path: '/scheduling/exams',
      icon: <ExperimentOutlined />,
      label: { zh: zh.menuBook, en: en.menuBook },
      description: { zh: zh.menuBookDesc, en: en.menuBookDesc },
      permission: 'appointment.book',
    },
    {
      key: 'scheduling-exam-items',
      path: '/scheduling/exam-items',
      icon: <FileSearchOutlined />,
      label: { zh: zh.menuItems, en: en.menuItems },
      description: { zh: zh.menuItemsDesc, en: en.menuItemsDesc },
      permission: 'schedule.read',
    },
    {
      key: 'scheduling-exam-rules',
      path: '/scheduling/exam-rules',
      icon: <SafetyCertificateOutlined />,
      label: { zh: zh.menuRules, en: en.menuRules },
      description: { zh: zh.menuRulesDesc, en: en.menuRulesDesc },
      permission: 'schedule.read',
    },
  ],
};
