import type { Channel } from '../constants.js';

/** who is booking, beyond the staff/client actor: the channel whose quota is used */
export interface BookingRequest {
  patientId: number;
  sessionId: number;
  /** a specific number (e.g. one proposed by $find); without it the first free number is taken */
  slotId?: number | null;
  channel: Channel;
  /** 'held' puts a hold with expiry (FHIR $hold); 'booked' books at once */
  status?: 'held' | 'booked';
  /** client-supplied key: a retry with the same key returns the first booking */
  idempotencyKey?: string | null;
  note?: string | null;
  /** numbers reserved (锁号) for this purpose may be used before they are released */
  reservation?: 'followup' | 'referral' | null;
  /** set when a patient books for themselves through the patient portal */
  selfService?: boolean;
  /** internal: the caller already holds the patient's booking lock (bookingLocks) */
  lockHeld?: boolean;
  /** internal: no booking notice (the caller sends its own) */
  quiet?: boolean;
  /** internal: rebooking keeps the patient's limits from counting the appointment being replaced */
  replacing?: number | null;
}

export interface AppointmentView {
  id: number;
  status: 'held' | 'booked' | 'checked_in' | 'fulfilled' | 'cancelled' | 'noshow' | 'expired';
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
  institutionId: number;
  institutionName: string;
  departmentId: number;
  departmentName: string;
  resourceId: number;
  resourceName: string;
  practitionerId: number | null;
  practitionerName: string | null;
  clinicLevel: string | null;
  room: string | null;
  fee: number | null;
  examItemId: number | null;
  holdExpiresAt: string | null;
  addOn: boolean;
  cancelReason: string | null;
  rescheduledFrom: number | null;
  createdAt: string;
  version: number;
  /** true when the request was a retry of an earlier one with the same idempotency key */
  replayed?: boolean;
}

/** a bookable number offered instead of one that was just taken */
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
