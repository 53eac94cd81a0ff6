import type { Messages } from '@kangyun/kernel';

export const AUDIT_MESSAGES: Messages = {
  'audit.invalid_time': { zh: '时间格式不正确，请使用 2026-01-31 或 2026-01-31T08:00:00+08:00 这样的格式', en: 'Invalid time; use 2026-01-31 or 2026-01-31T08:00:00+08:00' },
  'audit.range_invalid': { zh: '起始时间必须早于截止时间', en: 'The start must be before the end' },
  'audit.range_too_long': { zh: '统计时间跨度不能超过 {days} 天', en: 'The statistics period may not exceed {days} days' },
  'audit.export_too_many': { zh: '符合条件的审计记录超过 {max} 条，请缩小时间范围或增加筛选条件后再导出', en: 'More than {max} entries match; narrow the period or add filters before exporting' },
  'audit.search_too_broad': { zh: '查询耗时过长，请缩小时间范围或增加筛选条件（如用户、操作、患者）', en: 'The search took too long; narrow the period or add filters (user, action, patient)' },
  'audit.fhir_param_invalid': { zh: '检索参数 {name} 的值无效：{value}', en: 'Invalid value for search parameter {name}: {value}' },
  'audit.export_title': { zh: '审计日志', en: 'audit-log' },
};
