import type { Pool } from '@kangyun/kernel';
import { CHANNELS, type Channel } from '../constants.js';
import type { StatsFilter } from './filter.js';
import { appointmentFigures, capacityFigures, names, type AppointmentGroup, type CapacityGroup, type Counters } from './queries.js';

/** share of a whole, 4 decimals; null when there is nothing to divide by */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

interface Rates {
  /** cancelled / bookings */
  cancelRate: number | null;
  /** no-shows / bookings that were due */
  noshowRate: number | null;
}

interface Capacity {
  sessions: number;
  capacity: number;
  /** used numbers / capacity (add-on numbers can take it above 1) */
  utilisation: number | null;
}

export type Summary = Counters & Rates & Capacity;

export type DailyRow = Counters & Rates & Capacity & { day: string; byChannel: Record<Channel, number> };
export type ChannelRow = { channel: Channel; bookings: number; share: number | null; cancelled: number; noshow: number; attended: number; due: number; used: number } & Rates;
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

const zero = (): Counters => ({ bookings: 0, cancelled: 0, noshow: 0, attended: 0, due: 0, used: 0 });
function add(into: Counters, c: Counters): void {
  into.bookings += c.bookings; into.cancelled += c.cancelled; into.noshow += c.noshow;
  into.attended += c.attended; into.due += c.due; into.used += c.used;
}
const pick = (c: Counters): Counters => ({ bookings: c.bookings, cancelled: c.cancelled, noshow: c.noshow, attended: c.attended, due: c.due, used: c.used });
const rates = (c: Counters): Rates => ({ cancelRate: ratio(c.cancelled, c.bookings), noshowRate: ratio(c.noshow, c.due) });
const capacity = (sessions: number, cap: number, used: number): Capacity => ({ sessions, capacity: cap, utilisation: ratio(used, cap) });

/** every calendar day of the range, so charts and tables show quiet days as zero */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Turns the grouped figures into the tables the page and the exports show. Pure: no database. */
export function buildReport(f: StatsFilter, groups: AppointmentGroup[], caps: CapacityGroup[], departmentNames: Map<number, string>,
  resourceInfo: Map<number, { name: string; kind: string; clinicLevel: string | null; modality: string | null; departmentId: number }>): StatsReport {
  const days = daysOf(f.from, f.to);
  const byDay = new Map(days.map((d) => [d, { ...zero(), byChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>, sessions: 0, capacity: 0 }]));
  const byChannel = new Map(CHANNELS.map((c) => [c as string, zero()]));
  const byDept = new Map<number, Counters & { sessions: number; capacity: number }>();
  const cells = new Map<string, { departmentId: number; day: string; sessions: number; capacity: number; used: number }>();
  const byResource = new Map<number, Counters & { sessions: number; capacity: number }>();
  const dept = (id: number) => { let d = byDept.get(id); if (!d) byDept.set(id, d = { ...zero(), sessions: 0, capacity: 0 }); return d; };
  const cell = (id: number, day: string) => {
    const key = `${id}|${day}`;
    let c = cells.get(key);
    if (!c) cells.set(key, c = { departmentId: id, day, sessions: 0, capacity: 0, used: 0 });
    return c;
  };
  for (const id of f.departmentIds) dept(id);
  const resource = (id: number) => { let r = byResource.get(id); if (!r) byResource.set(id, r = { ...zero(), sessions: 0, capacity: 0 }); return r; };

  for (const g of groups) {
    if (g.set === 'day_channel') {
      const d = byDay.get(g.day);
      if (d) d.byChannel[g.channel as Channel] = (d.byChannel[g.channel as Channel] ?? 0) + g.bookings;
      add(byChannel.get(g.channel) ?? zero(), g);
    } else if (g.set === 'department_day') {
      const d = byDay.get(g.day);
      if (d) add(d, g);
      add(dept(g.departmentId), g);
      cell(g.departmentId, g.day).used += g.used;
    } else {
      add(resource(g.resourceId), g);
    }
  }
  for (const c of caps) {
    if (c.set === 'department_day') {
      const d = byDay.get(c.day);
      if (d) { d.sessions += c.sessions; d.capacity += c.capacity; }
      const dd = dept(c.departmentId);
      dd.sessions += c.sessions; dd.capacity += c.capacity;
      const x = cell(c.departmentId, c.day);
      x.sessions += c.sessions; x.capacity += c.capacity;
    } else {
      const r = resource(c.resourceId);
      r.sessions += c.sessions; r.capacity += c.capacity;
    }
  }

  const total = zero();
  let sessions = 0;
  let cap = 0;
  for (const d of byDept.values()) { add(total, d); sessions += d.sessions; cap += d.capacity; }
  const deptName = (id: number) => departmentNames.get(id) ?? String(id);

  return {
    institutionId: f.institutionId,
    departmentIds: f.departmentIds,
    from: f.from,
    to: f.to,
    summary: { ...total, ...rates(total), ...capacity(sessions, cap, total.used) },
    daily: days.map((day) => {
      const d = byDay.get(day)!;
      return { day, ...pick(d), byChannel: d.byChannel, ...rates(d), ...capacity(d.sessions, d.capacity, d.used) };
    }),
    channels: CHANNELS.map((channel) => {
      const c = byChannel.get(channel)!;
      return { channel, ...pick(c), share: ratio(c.bookings, total.bookings), ...rates(c) };
    }),
    departments: [...byDept.entries()]
      .map(([id, d]) => ({ departmentId: id, departmentName: deptName(id), ...pick(d), ...rates(d), ...capacity(d.sessions, d.capacity, d.used) }))
      .sort((a, b) => b.bookings - a.bookings || a.departmentName.localeCompare(b.departmentName, 'zh')),
    utilisation: [...cells.values()]
      .map((c) => ({ departmentId: c.departmentId, departmentName: deptName(c.departmentId), day: c.day, sessions: c.sessions, capacity: c.capacity, used: c.used, utilisation: ratio(c.used, c.capacity) }))
      .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh') || a.day.localeCompare(b.day)),
    resources: [...byResource.entries()]
      .map(([id, r]) => {
        const info = resourceInfo.get(id);
        const departmentId = info?.departmentId ?? 0;
        return {
          resourceId: id, resourceName: info?.name ?? String(id), kind: info?.kind ?? '', clinicLevel: info?.clinicLevel ?? null, modality: info?.modality ?? null,
          departmentId, departmentName: deptName(departmentId), ...pick(r), ...rates(r), ...capacity(r.sessions, r.capacity, r.used),
        };
      })
      .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh') || b.bookings - a.bookings),
  };
}

/** the whole statistics report of a filter: two aggregate queries and two small name look-ups */
export async function statsReport(pool: Pool, f: StatsFilter): Promise<StatsReport> {
  const [groups, caps] = await Promise.all([appointmentFigures(pool, f), capacityFigures(pool, f)]);
  const resourceIds = [...new Set([...groups, ...caps].flatMap((g) => (g.set === 'resource' ? [g.resourceId] : [])))];
  const named = await names(pool, f.departmentIds, resourceIds);
  // departments of resources outside the filter's list cannot occur (a resource's appointments carry its department)
  return buildReport(f, groups, caps, named.departments, named.resources);
}
