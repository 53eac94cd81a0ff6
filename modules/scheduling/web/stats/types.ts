/** The statistics API's shapes (GET /api/scheduling/stats/summary) and the queue module's waiting times. */

export type Channel = 'window' | 'kiosk' | 'wechat' | 'phone' | 'internet' | 'doctor' | 'referral';
export const CHANNELS: Channel[] = ['window', 'kiosk', 'wechat', 'phone', 'internet', 'doctor', 'referral'];

export interface Counters {
  bookings: number;
  cancelled: number;
  noshow: number;
  attended: number;
  due: number;
  used: number;
}

export interface Rates {
  cancelRate: number | null;
  noshowRate: number | null;
}

export interface Capacity {
  sessions: number;
  capacity: number;
  utilisation: number | null;
}

export type Summary = Counters & Rates & Capacity;
export type DailyRow = Counters & Rates & Capacity & { day: string; byChannel: Record<Channel, number> };
export type ChannelRow = Counters & Rates & { channel: Channel; share: number | null };
export type DepartmentRow = Counters & Rates & Capacity & { departmentId: number; departmentName: string };
export type UtilisationCell = { departmentId: number; departmentName: string; day: string; sessions: number; capacity: number; used: number; utilisation: number | null };
export type ResourceRow = Counters & Rates & Capacity & {
  resourceId: number; resourceName: string; kind: string; clinicLevel: string | null; modality: string | null; departmentId: number; departmentName: string;
};

export interface StatsReport {
  institutionId: number;
  departmentIds: number[];
  from: string;
  to: string;
  summary: Summary;
  daily: DailyRow[];
  channels: ChannelRow[];
  departments: DepartmentRow[];
  utilisation: UtilisationCell[];
  resources: ResourceRow[];
}

/** GET /api/queue/stats/waiting: check-in → first call, per department and day */
export interface WaitingRow {
  date: string;
  departmentId: number;
  departmentName: string;
  count: number;
  p50Minutes: number;
  p90Minutes: number;
  avgMinutes: number;
  maxMinutes: number;
}
