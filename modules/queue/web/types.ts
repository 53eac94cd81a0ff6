/** Shapes of the queue API (mirrors modules/queue/src; the web app does not import server code). */

export type EntryStatus = 'waiting' | 'called' | 'in_service' | 'on_hold' | 'missed' | 'done' | 'transferred';
export type EntryReason = 'normal' | 'late' | 'missed' | 'return' | 'transfer' | 'requeue' | 'addon' | 'skipped';
export type PriorityGroup = 'emergency' | 'military' | 'disabled' | 'elderly';
export type CallKind = 'call' | 'recall' | 'prepare';
export type DeviceKind = 'big_screen' | 'door_screen' | 'kiosk';

export interface QueueState {
  queueId: number;
  name: string;
  kind: 'clinic' | 'exam';
  date: string;
  rooms: string[];
  current: { entryId: number; ticket: number; name: string; status: EntryStatus; room: string | null; calledAt: string | null; callCount: number }[];
  next: { entryId: number; ticket: number; name: string; reason: EntryReason; priority: PriorityGroup | null; prepared: boolean }[];
  waiting: number;
  onHold: number;
  order?: number[];
}

export interface CallInfo {
  callId: number;
  kind: CallKind;
  entryId: number;
  queueId: number;
  ticket: number;
  name: string;
  room: string | null;
  place: string | null;
  at: string;
}

export interface DisplayRoom {
  id: number;
  name: string;
  match: string;
  areaId: number | null;
  doctor: { name: string; title: string | null; level: string | null; resource: string } | null;
}

export interface DisplayArea {
  id: number;
  name: string;
  preparePlace: string | null;
  templates: Record<CallKind, { template: string; repeat: number }>;
}

export interface DisplaySnapshot {
  eventId: number;
  device: { id: number; name: string; kind: DeviceKind; voice: boolean };
  institutionName: string;
  today: string;
  serverTime: string;
  areas: DisplayArea[];
  rooms: DisplayRoom[];
  queues: QueueState[];
  recentCalls: CallInfo[];
}

export interface EntryView {
  entryId: number;
  queueId: number;
  queueName: string;
  appointmentId: number;
  patientId: number;
  name: string;
  ticket: number;
  seq: number;
  status: EntryStatus;
  reason: EntryReason;
  priority: PriorityGroup | null;
  checkinAt: string;
  checkinChannel: string;
  callCount: number;
  room: string | null;
  rooms: string[];
  lastCalledAt: string | null;
  holdReason: string | null;
  ahead: number;
  version: number;
}

export interface CheckinResult extends EntryView {
  kind: 'checkin' | 'return' | 'rejoin';
  late: boolean;
}

export interface QueueRow {
  id: number;
  institutionId: number;
  departmentId: number;
  serviceDate: string;
  queueKey: string;
  kind: 'clinic' | 'exam';
  name: string;
  sessionId: number | null;
  resourceId: number | null;
  practitionerId: number | null;
  rooms: string[];
  numbering: 'seq' | 'counter';
  departmentName?: string;
  practitionerName?: string | null;
  waiting?: number;
  current?: number;
  done?: number;
}

export interface SessionOption {
  sessionId: number;
  period: string;
  startsAt: string;
  endsAt: string;
  status: string;
  room: string | null;
  resourceName: string;
  kind: 'clinic' | 'exam';
  departmentId: number;
  departmentName: string;
  practitionerId: number | null;
  practitionerName: string | null;
}

export interface CheckinCandidate {
  appointmentId: number;
  patientId: number;
  name: string;
  sex: string | null;
  age: number | null;
  seq: number;
  startsAt: string;
  status: string;
  kind: 'clinic' | 'exam';
  addOn: boolean;
  departmentName: string;
  resourceName: string;
  room: string | null;
  ticket: number | null;
  entryStatus: EntryStatus | null;
  entryId: number | null;
}

export interface Device {
  id: number;
  institutionId: number;
  name: string;
  kind: DeviceKind;
  areaIds: number[];
  roomIds: number[];
  voice: boolean;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastIp: string | null;
  createdAt: string;
  online?: boolean;
}

export interface TemplateSetting { template: string; repeat: number }

export interface Area {
  id: number;
  name: string;
  location: string | null;
  preparePlace: string | null;
  departmentId: number | null;
  departmentName: string | null;
  rooms: { id: number; name: string; match: string; sort: number }[];
  templates: Partial<Record<CallKind, TemplateSetting>>;
  devices: number;
}

export interface RoomOption { match: string; departments: string; resources: string; roomId: number | null; roomName: string | null; areaName: string | null }
export interface Room { id: number; name: string; match: string; areaId: number | null; areaName: string | null }

export interface QueueRule {
  grouping: 'session' | 'resource_day' | 'shared_day' | null;
  checkinBeforeMinutes: number;
  checkinAfterMinutes: number;
  lateGraceMinutes: number;
  latePolicy: 'after_n' | 'end';
  lateAfterN: number;
  missedAfterCalls: number;
  skipRequeueAfterN: number;
  missedRejoinPolicy: 'after_n' | 'end';
  missedRejoinAfterN: number;
  returnPolicy: 'front' | 'after_n' | 'end';
  returnAfterN: number;
  transferAfterN: number;
  requeueAfterN: number;
  priorityGroups: PriorityGroup[];
  elderlyAge: number;
}
export type QueueRuleRow = { [K in keyof QueueRule]: QueueRule[K] | null };

export interface MyQueueView {
  appointmentId: number;
  appointmentStatus: string;
  kind: 'clinic' | 'exam';
  departmentName: string;
  resourceName: string;
  seq: number;
  serviceDate: string;
  startsAt: string;
  roomName: string | null;
  checkin: { from: string; to: string; state: 'not_yet' | 'open' | 'closed' | 'other_day' | 'done' };
  entry: null | {
    entryId: number;
    queueId: number;
    queueName: string;
    ticket: number;
    status: EntryStatus;
    reason: EntryReason;
    ahead: number;
    calledRoomName: string | null;
    calledAt: string | null;
    callCount: number;
  };
  calledNow?: boolean;
}
