export type Modality = 'US' | 'DR' | 'CT' | 'MRI' | 'ECG' | 'ENDO';
export type RuleKind = 'different_day' | 'order' | 'min_interval' | 'morning_only' | 'same_visit' | 'priority';
export type ExamFlag = 'contrast' | 'fasting';
export type PatientClass = 'outpatient' | 'inpatient';

export const MODALITIES: Modality[] = ['US', 'DR', 'CT', 'MRI', 'ECG', 'ENDO'];
export const RULE_KINDS: RuleKind[] = ['order', 'different_day', 'min_interval', 'morning_only', 'same_visit', 'priority'];

export interface ExamItem {
  id: number;
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
}

export interface ExamItemInput {
  code: string;
  name: string;
  modality: Modality;
  departmentId: number | null;
  durationMinutes: number;
  preparation: string;
  fasting: boolean;
  contrast: boolean;
  morningOnly: boolean;
  active: boolean;
  version?: number;
}

export type Selector = { itemId?: number | null; modality?: Modality | null; flag?: ExamFlag | null };

export interface ExamRule {
  id: number;
  kind: RuleKind;
  a: Selector;
  b: Selector | null;
  sameDay: boolean;
  minGapMinutes: number;
  patientClass: PatientClass | null;
  timeFrom: string | null;
  timeTo: string | null;
  description: string;
  active: boolean;
  version: number;
}

export type ExamRuleInput = Omit<ExamRule, 'id' | 'version'> & { version?: number };

export interface Department {
  id: number;
  name: string;
  exam: boolean;
}

export interface PatientSummary {
  id: number;
  name: string;
  sex: 'male' | 'female' | 'unknown';
  age: number | null;
  mrn: string;
  idNumberMasked: string;
  mobileMasked: string | null;
}

export interface PlanItemInfo {
  id: number;
  code: string;
  name: string;
  modality: Modality;
  durationMinutes: number;
  preparation: string;
  fasting: boolean;
  contrast: boolean;
  morningOnly: boolean;
}

export interface PlanVisit {
  examItemIds: number[];
  items: PlanItemInfo[];
  sessionId: number;
  resourceName: string;
  room: string | null;
  departmentName: string;
  serviceDate: string;
  period: string;
  startsAt: string;
  endsAt: string;
}

export interface PlanReason {
  kind: 'rule' | 'limit' | 'patient_busy' | 'no_capacity';
  ruleId?: number | null;
  description?: string;
  message: string;
}

export interface PlanProposal {
  patientId: number;
  complete: boolean;
  optimal: boolean;
  days: string[];
  visits: PlanVisit[];
  blocked: { examItemIds: number[]; itemNames: string; sessionId: number; resourceName: string; serviceDate: string; startsAt: string; endsAt: string; message: string; reason: PlanReason }[];
  unplaced: { examItemIds: number[]; itemNames: string; reasons: PlanReason[] }[];
}

export interface ExamAppointment {
  id: number;
  status: string;
  seq: number;
  patientName: string;
  startsAt: string;
  endsAt: string;
  serviceDate: string;
  institutionName: string;
  departmentName: string;
  resourceName: string;
  room: string | null;
  examItems: { id: number; code: string; name: string; durationMinutes: number; preparation: string }[];
  orderRef: string | null;
}
