import type { Messages } from '@kangyun/kernel';

/** Messages of scheduling's patient-facing API (the phone pages under /m/). */
export const PORTAL_MESSAGES: Messages = {
  'scheduling.portal.record_required': {
    zh: '您在{institution}还没有就诊档案，请先建档再预约',
    en: 'You have no patient record at {institution} yet; create one before booking',
  },
  'scheduling.portal.other_institution': { zh: '只能改约到同一医疗机构的号源', en: 'You can only move a booking to a number of the same institution' },
  'scheduling.portal.department_unknown': { zh: '科室不存在或不接受网上预约', en: 'The department does not exist or takes no online bookings' },
  'scheduling.portal.range_too_long': { zh: '一次最多查询 31 天的号源', en: 'At most 31 days can be searched at once' },
  'scheduling.portal.not_waiting': { zh: '该候补登记不存在或已结束', en: 'This waiting-list entry does not exist or has ended' },
  'field.institutionId': { zh: '医疗机构', en: 'institution' },
  'field.departmentId': { zh: '科室', en: 'department' },
  'field.reason': { zh: '原因', en: 'reason' },
  'field.to': { zh: '结束日期', en: 'end date' },
};
