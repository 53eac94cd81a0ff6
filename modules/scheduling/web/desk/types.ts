/** Shapes of the scheduling and patient APIs as the booking desk uses them. */

export type Channel = 'window' | 'kiosk' | 'wechat' | 'phone' | 'internet' | 'doctor' | 'referral';
export type ClinicLevel = 'general' | 'expert' | 'special';
export type AppointmentStatus = 'held' | 'booked' | 'checked_in' | 'fulfilled' | 'cancelled' | 'noshow' | 'expired';

export interface PatientSummary {
  id: number;
  regionalId: string;
  mrn: string;
  name: string;
  sex: 'male' | 'female' | 'unknown';
  birthDate: string;
  age: number | null;
  idNumberMasked: string;
  mobileMasked: string | null;
}

export interface Department {
  id: number;
  name: string;
  resources: number;
  clinic: boolean;
  exam: boolean;
}

export interface Session {
  id: number;
  institutionName: string;
  departmentId: number;
  departmentName: string;
  resourceId: number;
  resourceName: string;
  kind: 'clinic' | 'exam';
  practitionerId: number | null;
  practitionerName: string | null;
  practitionerTitle: string | null;
  substitutedFrom: number | null;
  serviceDate: string;
  period: 'am' | 'pm' | 'night' | 'day';
  startsAt: string;
  endsAt: string;
  clinicLevel: ClinicLevel | null;
  fee: number | null;
  room: string | null;
  status: string;
  opensAt: string;
  closesAt: string;
  capacity: number;
  booked: number;
  free: number;
  freeForChannel: number;
  waiting: number;
}

export interface Slot {
  id: number;
  seq: number;
  startsAt: string;
  endsAt: string;
  channel: Channel | null;
  reservedFor: 'followup' | 'referral' | null;
  reservedUntil: string | null;
  status: 'free' | 'held' | 'booked' | 'blocked';
  addOn: boolean;
  appointmentId: number | null;
}

export interface Appointment {
  id: number;
  status: AppointmentStatus;
  kind: 'clinic' | 'exam';
  patientId: number;
  patientName: string;
  sessionId: number;
  slotId: number | null;
  seq: number;
  startsAt: string;
  endsAt: string;
  serviceDate: string;
  period: string;
  channel: Channel;
  institutionName: string;
  departmentId: number;
  departmentName: string;
  resourceName: string;
  practitionerName: string | null;
  clinicLevel: ClinicLevel | null;
  room: string | null;
  fee: number | null;
  addOn: boolean;
  cancelReason: string | null;
  createdAt: string;
  version: number;
  replayed?: boolean;
}

/** a number offered instead of one just taken (409 slot_unavailable → options) */
export interface BookingOption {
  sessionId: number;
  slotId: number | null;
  seq: number | null;
  startsAt: string;
  endsAt: string;
  serviceDate: string;
  departmentName: string;
  resourceName: string;
  practitionerName: string | null;
  free: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
}
