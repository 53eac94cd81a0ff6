/** Shapes of scheduling's and the patient index's portal API (/api/portal/…), as the phone pages use them. */

export interface PortalPatient {
  patientId: number;
  regionalId: string;
  name: string;
  sex: 'male' | 'female' | 'unknown';
  mobileMasked: string | null;
  idNumberMasked: string;
  institutions: { id: number; name: string }[];
}

export interface PortalInstitution {
  id: number;
  name: string;
  type: string;
  departments: number;
}

export interface PortalDepartment {
  id: number;
  name: string;
  doctors: number;
  levels: ClinicLevel[];
  free: number;
  sex: 'male' | 'female' | null;
  minAge: number | null;
  maxAge: number | null;
}

export type ClinicLevel = 'general' | 'expert' | 'special';
export type SessionState = 'bookable' | 'full' | 'not_open' | 'closed';

export interface PortalSession {
  id: number;
  institutionId: number;
  institutionName: string;
  departmentId: number;
  departmentName: string;
  resourceName: string;
  practitionerName: string | null;
  practitionerTitle: string | null;
  substituted: boolean;
  serviceDate: string;
  period: 'am' | 'pm' | 'night' | 'day';
  startsAt: string;
  endsAt: string;
  clinicLevel: ClinicLevel | null;
  fee: number | null;
  room: string | null;
  free: number;
  waiting: number;
  opensAt: string;
  closesAt: string;
  state: SessionState;
  suspended: boolean;
  statusReason: string | null;
}

export interface DepartmentSessions {
  department: { id: number; name: string; institutionId: number; institutionName: string };
  from: string;
  to: string;
  sessions: PortalSession[];
}

export interface PortalSegment {
  startsAt: string;
  endsAt: string;
  free: number;
  slotId: number | null;
  seq: number | null;
}

export type AppointmentStatus = 'held' | 'booked' | 'checked_in' | 'fulfilled' | 'cancelled' | 'noshow' | 'expired';

export interface Preparation {
  item: string;
  text: string;
  fasting: boolean;
}

export interface PortalAppointment {
  id: number;
  status: AppointmentStatus;
  kind: 'clinic' | 'exam';
  patientName: string | null;
  sessionId: number;
  seq: number;
  startsAt: string;
  endsAt: string;
  serviceDate: string;
  period: PortalSession['period'];
  institutionId: number;
  institutionName: string;
  departmentId: number;
  departmentName: string;
  resourceName: string;
  practitionerName: string | null;
  clinicLevel: ClinicLevel | null;
  room: string | null;
  fee: number | null;
  cancelReason: string | null;
  rescheduledFrom: number | null;
  createdAt: string;
  changeable: boolean;
  changeableUntil: string | null;
  checkinPath: string;
  queuePath: string;
  preparation: Preparation[];
  replayed?: boolean;
}

export interface WaitlistEntry {
  id: number;
  status: 'waiting' | 'booked' | 'cancelled' | 'lapsed';
  appointmentId: number | null;
  sessionId: number;
  institutionName: string;
  departmentName: string;
  resourceName: string;
  practitionerName: string | null;
  serviceDate: string;
  period: PortalSession['period'];
  startsAt: string;
  position: number | null;
}

export interface PortalMessage {
  id: number;
  institutionName: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: PortalMessage[];
  total: number;
  unread: number;
}
