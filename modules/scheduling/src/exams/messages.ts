import type { Messages } from '@kangyun/kernel';

export const EXAM_MESSAGES: Messages = {
  // catalogue
  'scheduling.exam_item_unknown': { zh: '检查项目不存在或已停用', en: 'The exam item does not exist or is inactive' },
  'scheduling.exam_item_code_exists': { zh: '该编码已被其他检查项目使用', en: 'Another exam item already uses this code' },
  'scheduling.exam_item_name_required': { zh: '检查项目名称：必填', en: 'Exam item name is required' },
  'scheduling.exam_department_unknown': { zh: '执行科室不属于本机构', en: 'The department does not belong to this institution' },
  'scheduling.exam_item_required': { zh: '检查项目：必填', en: 'exam item: is required' },
  'scheduling.exam_items_duplicate': { zh: '检查项目重复', en: 'An exam item is listed twice' },
  // rules library
  'scheduling.exam_rule_side': { zh: '请指定一个检查项目、检查类型或检查类别（三选一）', en: 'Name exactly one exam item, modality or class of exams' },
  'scheduling.exam_rule_no_side_b': { zh: '该类规则只涉及一组检查，不需要检查 B', en: 'This kind of rule names one side only' },
  'scheduling.exam_rule_priority': { zh: '优先规则须指定优先的患者类别及时段', en: 'A priority rule needs the favoured patient class and a time range' },
  'scheduling.exam_rule_time_order': { zh: '结束时间须晚于开始时间', en: 'The end time must be after the start time' },
  'scheduling.exam_rule_gap': { zh: '间隔规则须指定大于 0 的最小间隔', en: 'An interval rule needs a minimum gap above zero' },
  'scheduling.exam_rule_unknown': { zh: '检查预约规则不存在', en: 'The exam booking rule does not exist' },
  // booking
  'scheduling.session_not_timed': { zh: '该出诊单元按号序预约，请使用门诊预约', en: 'This session hands out numbers; book it as a clinic appointment' },
  'scheduling.exam_item_wrong_device': { zh: '该检查项目不能在此检查单元进行（设备类型或执行科室不符）', en: 'This exam cannot be done in this session (modality or department differs)' },
  'scheduling.exam_items_not_combinable': { zh: '这些检查项目不能合并为一次检查（规则库中没有相应的同次检查规则）', en: 'These exams may not share one appointment (no same-visit rule joins them)' },
  'scheduling.exam_start_unaligned': { zh: '开始时间须为整 5 分钟', en: 'The start time must be on a 5-minute boundary' },
  'scheduling.exam_start_outside': { zh: '检查须在该检查单元的时间内开始并完成', en: 'The exam must start and end within the session' },
  'scheduling.exam_start_past': { zh: '开始时间已过', en: 'The start time has passed' },
  'scheduling.exam_time_taken': { zh: '该时间设备已被占用，请选择其他时间', en: 'The device is taken at that time; please choose another time' },
  'scheduling.exam_session_full': { zh: '该检查单元已约满（或本渠道配额已用完），可选择其他时间', en: 'This exam session is full for this channel; choose another time' },
  'scheduling.exam_no_time': { zh: '该检查单元已没有足够的连续时间完成此检查，可选择其他时间', en: 'No free stretch in this session is long enough for this exam; choose another time' },
  'scheduling.exam_rule_blocked': { zh: '被规则「{rule}」阻止', en: 'Blocked by the rule “{rule}”' },
  'scheduling.exam_patient_busy': { zh: '患者在该时间前后已有其他预约', en: 'The patient has another appointment around that time' },
  'scheduling.exam_not_held': { zh: '只有锁定中的检查预约可以确认', en: 'Only a held exam appointment can be confirmed' },
  'scheduling.exam_hold_expired': { zh: '锁定已过期，请重新预约', en: 'The hold has expired; please book again' },
  'scheduling.exam_not_exam': { zh: '该预约不是检查预约', en: 'This is not an exam appointment' },
  // plans
  'scheduling.exam_range_order': { zh: '结束日期不能早于开始日期', en: 'The end date must not be before the start date' },
  'scheduling.exam_range_too_long': { zh: '计划日期范围不能超过 {days} 天', en: 'The planning range may be at most {days} days' },
  'scheduling.exam_blocked_alternative': { zh: '{when} {items}被规则「{rule}」阻止', en: '{when} {items}: blocked by the rule “{rule}”' },
  'scheduling.exam_blocked_limit': { zh: '{when} {items}受预约限制：{limit}', en: '{when} {items}: {limit}' },
  'scheduling.exam_no_capacity': { zh: '所选日期内没有可用的检查时间', en: 'No free exam time in the chosen dates' },
  'scheduling.exam_plan_failed': { zh: '第 {index} 项检查未能预约：{reason}。整个计划均未预约，请重新生成方案', en: 'Exam {index} could not be booked: {reason}. Nothing was booked; please propose a new plan' },
  // notices
  'scheduling.exam_prep_none': { zh: '无特殊准备', en: 'No special preparation' },
};

export const EXAM_FIELD_LABELS: Messages = {
  'field.examItemId': { zh: '检查项目', en: 'exam item' },
  'field.examItemIds': { zh: '检查项目', en: 'exam items' },
  'field.itemId': { zh: '检查项目', en: 'exam item' },
  'field.startsAt': { zh: '开始时间', en: 'start time' },
  'field.durationMinutes': { zh: '检查时长（分钟）', en: 'duration (minutes)' },
  'field.modality': { zh: '检查类型', en: 'modality' },
  'field.flag': { zh: '检查类别', en: 'class of exams' },
  'field.preparation': { zh: '检查前准备', en: 'preparation' },
  'field.fasting': { zh: '空腹', en: 'fasting' },
  'field.contrast': { zh: '增强/造影', en: 'contrast' },
  'field.morningOnly': { zh: '仅限上午', en: 'morning only' },
  'field.kind': { zh: '规则类型', en: 'rule kind' },
  'field.a': { zh: '检查 A', en: 'exam A' },
  'field.b': { zh: '检查 B', en: 'exam B' },
  'field.sameDay': { zh: '仅限同日', en: 'same day only' },
  'field.minGapMinutes': { zh: '最小间隔（分钟）', en: 'minimum gap (minutes)' },
  'field.patientClass': { zh: '患者类别', en: 'patient class' },
  'field.timeFrom': { zh: '时段开始', en: 'from time' },
  'field.timeTo': { zh: '时段结束', en: 'to time' },
  'field.description': { zh: '说明', en: 'description' },
  'field.from': { zh: '开始日期', en: 'from date' },
  'field.to': { zh: '结束日期', en: 'to date' },
  'field.visits': { zh: '检查安排', en: 'visits' },
  'field.departmentId': { zh: '科室', en: 'department' },
  'field.orderRef': { zh: '检查申请单号', en: 'order number' },
};

/** 检查类型 */
export const MODALITY_LABELS: Record<string, { zh: string; en: string }> = {
  US: { zh: '超声', en: 'Ultrasound' },
  DR: { zh: 'DR 摄片', en: 'X-ray (DR)' },
  CT: { zh: 'CT', en: 'CT' },
  MRI: { zh: '磁共振', en: 'MRI' },
  ECG: { zh: '心电图', en: 'ECG' },
  ENDO: { zh: '内镜', en: 'Endoscopy' },
};
