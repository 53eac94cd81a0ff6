import type { Messages } from '@kangyun/kernel';

export const FHIR_AREA_MESSAGES: Messages = {
  'scheduling.fhir.option': {
    zh: '可选：{date} {start}–{end} {resource} 第 {seq} 号（{reference}）',
    en: 'Available instead: {date} {start}–{end} {resource}, number {seq} ({reference})',
  },
  'scheduling.fhir.no_options': { zh: '附近暂无可预约的号源，可登记候补', en: 'No other numbers are free nearby; the patient may join the waiting list' },
  'scheduling.fhir.param_once': { zh: '参数 {name} 只能给一次', en: 'The parameter {name} may be given only once' },
  'scheduling.fhir.end_before_start': { zh: '结束时间必须晚于开始时间', en: 'end must be after start' },
  'scheduling.fhir.one_patient': { zh: '一次只能为一位患者查找号源', en: 'Numbers can be found for one patient at a time' },
  'scheduling.fhir.patient_reference': { zh: '患者引用应为 Patient/{id}', en: 'The patient must be referenced as Patient/{id}' },
  'scheduling.fhir.channel_unknown': { zh: '未知的预约渠道：{channel}', en: 'Unknown booking channel: {channel}' },
  'scheduling.fhir.appointment_required': {
    zh: '请给出要预约的号：$find 返回的 Appointment 引用（appointment-reference），或带号源（slot）的 Appointment',
    en: 'Say which number to book: a reference to an Appointment from $find (appointment-reference), or an Appointment with its slot',
  },
  'scheduling.fhir.patient_required': { zh: '请给出患者（patient-reference 或 Appointment 的患者参与者）', en: 'Say who the patient is (patient-reference, or the Appointment\'s Patient participant)' },
  'scheduling.fhir.patient_mismatch': { zh: '请求中给出的患者不一致', en: 'The request names different patients' },
  'scheduling.fhir.number_not_for_channel': { zh: '该号属于其他渠道的配额，当前渠道不能预约', en: 'This number belongs to another channel\'s quota and cannot be booked from this channel' },
  'scheduling.fhir.number_reserved': { zh: '该号为复诊/转诊锁定号，尚未放号', en: 'This number is reserved for follow-ups or referrals and has not been released yet' },
  'scheduling.fhir.number_closed': { zh: '该号所在出诊单元未开放预约、已停诊或已过时', en: 'The session of this number is not open for booking, suspended or over' },
  'scheduling.fhir.hold_expired': { zh: '锁号已超时，号源已释放，请重新选择', en: 'The hold has expired and the number was released; please choose again' },
  'scheduling.fhir.hold_not_yours': { zh: '该号已被其他渠道或用户锁定', en: 'This number is held by another caller' },
  'scheduling.fhir.not_bookable': { zh: '该预约当前状态（{status}）不能再预约', en: 'An appointment in this state ({status}) cannot be booked' },
  'scheduling.fhir.already_booked': { zh: '该号已为该患者预约', en: 'This number is already booked for the patient' },
  'scheduling.fhir.only_cancel': {
    zh: '只能通过把 status 改为 cancelled（可附 cancelationReason）来取消预约；改约请使用 /api/appointments/{id}/reschedule',
    en: 'Only cancellation is possible here: set status to cancelled (cancelationReason optional); reschedule through /api/appointments/{id}/reschedule',
  },
  'scheduling.fhir.read_only_element': { zh: '该元素不能修改，只能取消预约', en: 'This element cannot be changed; only cancellation is possible' },
  'scheduling.fhir.cancel_reason_default': { zh: '通过 FHIR 接口取消', en: 'Cancelled through the FHIR API' },
  'scheduling.fhir.idempotency_key': { zh: 'Idempotency-Key 最长 100 个字符', en: 'The Idempotency-Key may be at most 100 characters' },
};
