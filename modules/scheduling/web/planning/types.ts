export type Channel = 'window' | 'kiosk' | 'wechat' | 'phone' | 'internet' | 'doctor' | 'referral';
export type Period = 'am' | 'pm' | 'night' | 'day';
export type ClinicLevel = 'general' | 'expert' | 'special';
export type Modality = 'US' | 'DR' | 'CT' | 'MRI' | 'ECG' | 'ENDO';
export type ReservedFor = 'followup' | 'referral';
export type Quotas = Partial<Record<Channel, number>>;

export const CHANNELS: Channel[] = ['window', 'kiosk', 'wechat', 'phone', 'internet', 'doctor', 'referral'];
export const PERIODS: Period[] = ['am', 'pm', 'night', 'day'];
export const LEVELS: ClinicLevel[] = ['general', 'expert', 'special'];
export const MODALITIES: Modality[] = ['US', 'DR', 'CT', 'MRI', 'ECG', 'ENDO'];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface Department {
  id: number;
  name: string;
  code?: string;
  resources: number;
}

export interface Practitioner {
  id: number;
  name: string;
  title: string | null;
  departments: string[];
  inDepartment: boolean;
}

export interface Resource {
  id: number;
  departmentId: number;
  departmentName: string;
  kind: 'clinic' | 'exam';
  name: string;
  practitionerId: number | null;
  practitionerName: string | null;
  practitionerTitle: string | null;
  clinicLevel: ClinicLevel | null;
  modality: Modality | null;
  room: string | null;
  fee: number | null;
  active: boolean;
  templates: number;
}

export interface Template {
  id: number;
  resourceId: number;
  resourceName: string;
  resourceKind: 'clinic' | 'exam';
  clinicLevel: ClinicLevel | null;
  modality: Modality | null;
  practitionerName: string | null;
  departmentId: number;
  departmentName: string;
  weekday: number;
  period: Period;
  startTime: string;
  endTime: string;
  capacity: number;
  segmentMinutes: number;
  channelQuotas: Quotas;
  reservedFollowup: number;
  reservedReferral: number;
  fee: number | null;
  followSeason: boolean;
  runsOnHolidays: boolean;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  note: string | null;
  version: number;
}

export interface Generation {
  id: number;
  from: string;
  to: string;
  status: 'running' | 'done' | 'failed';
  daysTotal: number;
  daysDone: number;
  percent: number;
  created: number;
  skipped: number;
  movedByHoliday: number;
  skippedByHoliday: number;
  error: string | null;
}

export interface SessionSummary {
  id: number;
  departmentId: number;
  departmentName: string;
  resourceId: number;
  resourceName: string;
  kind: 'clinic' | 'exam';
  modality: string | null;
  practitionerId: number | null;
  practitionerName: string | null;
  practitionerTitle: string | null;
  substitutedFrom: number | null;
  serviceDate: string;
  period: Period;
  startsAt: string;
  endsAt: string;
  clinicLevel: ClinicLevel | null;
  fee: number | null;
  room: string | null;
  status: 'open' | 'suspended' | 'cancelled';
  statusReason: string | null;
  source: 'plan' | 'temporary';
  opensAt: string;
  closesAt: string;
  capacity: number;
  booked: number;
  free: number;
  waiting: number;
}

export interface PoolSlot {
  id: number;
  seq: number;
  startsAt: string;
  endsAt: string;
  channel: Channel | null;
  reservedFor: ReservedFor | null;
  reservedUntil: string | null;
  status: 'free' | 'held' | 'booked' | 'blocked';
  addOn: boolean;
  appointmentId: number | null;
  appointmentStatus: string | null;
  bookedChannel: Channel | null;
}

export interface PoolView {
  session: SessionSummary;
  slots: PoolSlot[];
}

export interface BookingOption {
  sessionId: number;
  seq: number | null;
  startsAt: string;
  serviceDate: string;
  resourceName: string;
  practitionerName: string | null;
}

export interface SuspensionOutcome {
  appointmentId: number;
  seq: number;
  patientName: string;
  outcome: 'moved' | 'cancelled' | 'kept';
  moved?: { appointmentId: number; sessionId: number; seq: number; startsAt: string; serviceDate: string; practitionerName: string | null; resourceName: string };
  options?: BookingOption[];
}

export interface SuspensionResult {
  sessionId: number;
  moved: number;
  cancelled: number;
  kept: number;
  waitlistLapsed: number;
  outcomes: SuspensionOutcome[];
}

export interface SubstitutionResult {
  practitionerName: string;
  notified: number[];
}

export interface Holiday {
  id: number;
  day: string;
  kind: 'holiday' | 'workday';
  worksAs: number | null;
  name: string;
  regionWide: boolean;
  editable: boolean;
}

export interface Season {
  id: number;
  kind: 'summer' | 'winter';
  name: string;
  startsOn: string;
  endsOn: string;
  amStart: string | null;
  amEnd: string | null;
  pmStart: string | null;
  pmEnd: string | null;
}

export interface BookingRule {
  daysAhead: number;
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

export type RuleFields = { [K in keyof BookingRule]: BookingRule[K] | null };

export interface RuleScope {
  departmentId: number | null;
  departmentName: string | null;
  rule: RuleFields;
  effective: BookingRule;
  inherited: BookingRule;
  updatedAt: string | null;
  recomputedSessions?: number;
}

export interface InstitutionRules extends RuleScope {
  departments: { departmentId: number; departmentName: string; overrides: Partial<RuleFields> }[];
}
