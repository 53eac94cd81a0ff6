import type { Modality } from '../constants.js';

export const EXAM_RULE_KINDS = ['different_day', 'order', 'min_interval', 'morning_only', 'same_visit', 'priority'] as const;
export type ExamRuleKind = (typeof EXAM_RULE_KINDS)[number];

/** rules about one side only; the others relate side A to side B */
export const SINGLE_SIDED: readonly ExamRuleKind[] = ['morning_only', 'priority'];

export const EXAM_FLAGS = ['contrast', 'fasting'] as const;
export type ExamFlag = (typeof EXAM_FLAGS)[number];

export const PATIENT_CLASSES = ['outpatient', 'inpatient'] as const;
export type PatientClass = (typeof PATIENT_CLASSES)[number];

/** 检查项目 as the API shows it */
export interface ExamItem {
  id: number;
  institutionId: number;
  code: string;
  name: string;
  modality: Modality;
  departmentId: number | null;
  departmentName: string | null;
  durationMinutes: number;
  preparation: string;
  fasting: boolean;
  contrast: boolean;
  morningOnly: boolean;
  active: boolean;
  version: number;
  updatedAt: string;
}

/** which exams one side of a rule means: one item, a modality, or a class of items */
export type Selector = { itemId: number } | { modality: Modality } | { flag: ExamFlag };

/** 检查预约规则 as the API shows it */
export interface ExamRule {
  id: number;
  institutionId: number;
  kind: ExamRuleKind;
  a: Selector;
  b: Selector | null;
  sameDay: boolean;
  minGapMinutes: number;
  patientClass: PatientClass | null;
  /** local "HH:MM" (priority rules) */
  timeFrom: string | null;
  timeTo: string | null;
  description: string;
  active: boolean;
  version: number;
  updatedAt: string;
}
