import type { Messages } from '@kangyun/kernel';

export const STATS_MESSAGES: Messages = {
  'scheduling.stats_range_order': { zh: '结束日期不能早于开始日期', en: 'The end date must not be before the start date' },
  'scheduling.stats_range_too_long': { zh: '统计范围最长 {days} 天', en: 'The range may cover at most {days} days' },
  'scheduling.stats_department_unknown': { zh: '本机构没有该科室', en: 'This department does not belong to the institution' },
  'scheduling.day_list_too_many': { zh: '该日预约超过 {max} 条，请按科室导出', en: 'More than {max} appointments that day; export one department at a time' },
  'field.from': { zh: '开始日期', en: 'from' },
  'field.to': { zh: '结束日期', en: 'to' },
  'field.date': { zh: '日期', en: 'date' },
  'field.departmentId': { zh: '科室', en: 'department' },
  'field.institutionId': { zh: '机构', en: 'institution' },
  'field.format': { zh: '导出格式', en: 'format' },
};

