import type { Appointment, AppointmentParticipant, Extension } from '@medplum/fhirtypes';
import { APPOINTMENT_VIEW_SELECT } from '../booking/appointment-view.js';
import type { AppointmentView } from '../booking/types.js';
import {
  ADD_ON_EXTENSION, APPOINTMENT_ID_SYSTEM, CHANNEL_EXTENSION, HOLD_EXPIRES_EXTENSION, NUMBER_SYSTEM, SEQ_EXTENSION, serviceType, specialty,
} from './systems.js';
import { proposalId } from './proposal-id.js';

type FhirStatus = Appointment['status'];

/** what the FHIR view needs beyond the booking view; the view's joins already have r and d */
export const APPOINTMENT_FHIR_SELECT = `${APPOINTMENT_VIEW_SELECT}, r.modality, d.code AS "departmentCode", a.updated_at AS "updatedAt"`;

export interface AppointmentRow extends AppointmentView {
  modality: string | null;
  departmentCode: string | null;
  updatedAt: Date | string;
}

const STATUS: Record<AppointmentView['status'], FhirStatus> = {
  held: 'pending',
  booked: 'booked',
  checked_in: 'arrived',
  fulfilled: 'fulfilled',
  cancelled: 'cancelled',
  noshow: 'noshow',
  expired: 'cancelled',
};

/** FHIR status → our statuses, for search */
export const STATUS_FROM_FHIR: Record<string, AppointmentView['status'][]> = {
  pending: ['held'],
  booked: ['booked'],
  arrived: ['checked_in'],
  fulfilled: ['fulfilled'],
  cancelled: ['cancelled', 'expired'],
  noshow: ['noshow'],
};

/** a hold past its expiry is released by the next booking of the session; it is over already */
export function fhirStatus(a: Pick<AppointmentView, 'status' | 'holdExpiresAt'>, now = Date.now()): FhirStatus {
  if (a.status === 'held' && a.holdExpiresAt && new Date(a.holdExpiresAt).getTime() <= now) return 'cancelled';
  return STATUS[a.status];
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function numberIdentifier(sessionId: number, seq: number) {
  return { system: NUMBER_SYSTEM, value: `${sessionId}-${seq}` };
}

export function toFhirAppointment(a: AppointmentRow): Appointment {
  const status = fhirStatus(a);
  const participantStatus = status === 'cancelled' || status === 'noshow' ? 'declined' : 'accepted';
  const participant: AppointmentParticipant[] = [
    { actor: { reference: `Patient/${a.patientId}`, display: a.patientName }, required: 'required', status: participantStatus },
  ];
  if (a.practitionerId) participant.push({ actor: { reference: `Practitioner/${a.practitionerId}`, ...(a.practitionerName ? { display: a.practitionerName } : {}) }, required: 'required', status: 'accepted' });
  participant.push({ actor: { reference: `Location/${a.departmentId}`, display: a.room ? `${a.departmentName} ${a.room}` : a.departmentName }, required: 'required', status: 'accepted' });
  const extension: Extension[] = [{ url: SEQ_EXTENSION, valueInteger: a.seq }, { url: CHANNEL_EXTENSION, valueCode: a.channel }];
  if (a.status === 'held' && a.holdExpiresAt) extension.push({ url: HOLD_EXPIRES_EXTENSION, valueInstant: iso(a.holdExpiresAt) });
  if (a.addOn) extension.push({ url: ADD_ON_EXTENSION, valueBoolean: true });
  return {
    resourceType: 'Appointment',
    id: String(a.id),
    meta: { versionId: String(a.version), lastUpdated: iso(a.updatedAt) },
    extension,
    identifier: [{ system: APPOINTMENT_ID_SYSTEM, value: String(a.id) }, numberIdentifier(a.sessionId, a.seq)],
    status,
    ...(status === 'cancelled' && a.cancelReason ? { cancelationReason: { text: a.cancelReason } } : {}),
    serviceType: serviceType(a.kind === 'exam' ? a.modality : a.clinicLevel),
    specialty: specialty(a.departmentCode, a.departmentName),
    description: `${a.resourceName} ${a.serviceDate} 第 ${a.seq} 号`,
    start: iso(a.startsAt),
    end: iso(a.endsAt),
    created: iso(a.createdAt),
    ...(a.slotId ? { slot: [{ reference: `Slot/${a.slotId}` }] } : {}),
    participant,
  };
}

/** a bookable number as IHE's proposed appointment */
export interface ProposedNumber {
  slotId: number;
  sessionId: number;
  seq: number;
  startsAt: Date | string;
  endsAt: Date | string;
  serviceDate: string;
  resourceName: string;
  departmentId?: number;
  departmentCode?: string | null;
  departmentName: string;
  room?: string | null;
  practitionerId?: number | null;
  practitionerName: string | null;
  clinicLevel?: string | null;
  channel?: string | null;
}

export function proposedAppointment(n: ProposedNumber, patientId: number | null): Appointment {
  const participant: AppointmentParticipant[] = [];
  if (patientId) participant.push({ actor: { reference: `Patient/${patientId}` }, required: 'required', status: 'needs-action' });
  if (n.practitionerId) participant.push({ actor: { reference: `Practitioner/${n.practitionerId}`, ...(n.practitionerName ? { display: n.practitionerName } : {}) }, required: 'required', status: 'accepted' });
  else if (n.practitionerName) participant.push({ actor: { display: n.practitionerName }, required: 'required', status: 'accepted' });
  if (n.departmentId) participant.push({ actor: { reference: `Location/${n.departmentId}`, display: n.room ? `${n.departmentName} ${n.room}` : n.departmentName }, required: 'required', status: 'accepted' });
  else participant.push({ actor: { display: n.departmentName }, required: 'required', status: 'accepted' });
  const extension: Extension[] = [{ url: SEQ_EXTENSION, valueInteger: n.seq }];
  if (n.channel) extension.push({ url: CHANNEL_EXTENSION, valueCode: n.channel });
  return {
    resourceType: 'Appointment',
    id: proposalId(n.slotId, patientId),
    extension,
    identifier: [numberIdentifier(n.sessionId, n.seq)],
    status: 'proposed',
    ...(n.clinicLevel ? { serviceType: serviceType(n.clinicLevel) } : {}),
    specialty: specialty(n.departmentCode ?? null, n.departmentName),
    description: `${n.resourceName} ${n.serviceDate} 第 ${n.seq} 号`,
    start: iso(n.startsAt),
    end: iso(n.endsAt),
    slot: [{ reference: `Slot/${n.slotId}` }],
    participant,
  };
}
