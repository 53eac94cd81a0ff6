/**
 * 预约规则: an institution-wide row with department rows overriding it field by field.
 * A field nobody set falls back to these defaults.
 */
export interface BookingRule {
  daysAhead: number;
  /** local time when the numbers of the day `daysAhead` ahead open (滚动放号), "HH:MM" */
  releaseTime: string;
  cutoffMinutes: number;
  cancelDeadlineMinutes: number;
  maxPerPatientDay: number;
  maxPerPatientDepartmentDay: number;
  maxPerPatientDoctorDay: number;
  minAge: number | null;
  maxAge: number | null;
  sex: 'male' | 'female' | null;
  realNameRequired: boolean;
  noshowLimit: number;
  noshowWindowDays: number;
  noshowBlockDays: number;
  reserveReleaseMinutes: number;
  addOnPolicy: 'none' | 'doctor' | 'doctor_and_desk';
  addOnMax: number;
  holdMinutes: number;
}

export const DEFAULT_RULE: BookingRule = {
  daysAhead: 14,
  releaseTime: '07:00',
  cutoffMinutes: 0,
  cancelDeadlineMinutes: 60,
  maxPerPatientDay: 3,
  maxPerPatientDepartmentDay: 1,
  maxPerPatientDoctorDay: 1,
  minAge: null,
  maxAge: null,
  sex: null,
  realNameRequired: true,
  noshowLimit: 3,
  noshowWindowDays: 90,
  noshowBlockDays: 30,
  reserveReleaseMinutes: 1440,
  addOnPolicy: 'doctor',
  addOnMax: 5,
  holdMinutes: 10,
};

/** column → field; the SQL below and the rules editor share it */
export const RULE_COLUMNS: [keyof BookingRule, string][] = [
  ['daysAhead', 'days_ahead'],
  ['releaseTime', 'release_time'],
  ['cutoffMinutes', 'cutoff_minutes'],
  ['cancelDeadlineMinutes', 'cancel_deadline_minutes'],
  ['maxPerPatientDay', 'max_per_patient_day'],
  ['maxPerPatientDepartmentDay', 'max_per_patient_department_day'],
  ['maxPerPatientDoctorDay', 'max_per_patient_doctor_day'],
  ['minAge', 'min_age'],
  ['maxAge', 'max_age'],
  ['sex', 'sex'],
  ['realNameRequired', 'real_name_required'],
  ['noshowLimit', 'noshow_limit'],
  ['noshowWindowDays', 'noshow_window_days'],
  ['noshowBlockDays', 'noshow_block_days'],
  ['reserveReleaseMinutes', 'reserve_release_minutes'],
  ['addOnPolicy', 'add_on_policy'],
  ['addOnMax', 'add_on_max'],
  ['holdMinutes', 'hold_minutes'],
];

/**
 * SELECT list resolving the effective rule from rule rows aliased `ri` (institution) and `rd`
 * (department); yields one column per field, NULL when neither row sets it.
 */
export const EFFECTIVE_RULE_SELECT = RULE_COLUMNS.map(([field, col]) =>
  col === 'release_time' ? `to_char(COALESCE(rd.${col}, ri.${col}), 'HH24:MI') AS "rule_${field}"` : `COALESCE(rd.${col}, ri.${col}) AS "rule_${field}"`).join(', ');

/** joins for EFFECTIVE_RULE_SELECT, given SQL expressions for the institution and department ids */
export function effectiveRuleJoins(institution: string, department: string): string {
  return `LEFT JOIN sched_booking_rule ri ON ri.institution_id = ${institution} AND ri.department_id IS NULL
          LEFT JOIN sched_booking_rule rd ON rd.institution_id = ${institution} AND rd.department_id = ${department}`;
}

/** the effective rule from a row carrying `rule_<field>` columns */
export function ruleFromRow(row: Record<string, unknown>): BookingRule {
  const rule = { ...DEFAULT_RULE } as Record<string, unknown>;
  for (const [field] of RULE_COLUMNS) {
    const v = row[`rule_${field}`];
    if (v !== null && v !== undefined) rule[field] = v;
  }
  return rule as unknown as BookingRule;
}
