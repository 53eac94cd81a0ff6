import type { ScopedClient } from '@kangyun/kernel';
import type { BookingOption } from '../booking/types.js';
import { loadPlanData, toPlanItem } from './plan-loader.js';
import { Planner } from './planner.js';
import { DAY, dayStart, localDay } from './time-grid.js';
import type { ExamItem, PatientClass } from './types.js';

export interface OptionQuery {
  institutionId: number;
  patientId: number;
  items: readonly ExamItem[];
  channel: string;
  patientClass: PatientClass;
  /** first day to look at (the day asked for) */
  fromDate: string;
  days?: number;
}

/**
 * What to offer when a time was just taken or is not possible: the earliest time in each open
 * session of a device that can do the exams, over the next two weeks, that this channel may book
 * and that satisfies the rules for this patient. Same shape as the clinic options (slotId null).
 */
export async function examOptions(db: ScopedClient, q: OptionQuery, limit = 5): Promise<BookingOption[]> {
  const to = localDay(dayStart(q.fromDate) + (q.days ?? 14) * DAY);
  const data = await loadPlanData(db, { ...q, sessions: { from: q.fromDate, to } });
  const planner = new Planner(data.input);
  const unit = planner.makeUnit(q.items.map(toPlanItem));
  const found: BookingOption[] = [];
  for (const s of unit.sessions) {
    const start = planner.earliestIn(unit, s, []);
    if (start === null) continue;
    const info = data.sessions.get(s.id)!;
    const used = Object.values(s.used).reduce((n, x) => n + x, 0);
    found.push({
      sessionId: s.id, slotId: null, seq: null, startsAt: new Date(start).toISOString(), endsAt: new Date(start + unit.duration).toISOString(),
      serviceDate: s.serviceDate, departmentName: info.departmentName, resourceName: info.room ? `${info.resourceName}（${info.room}）` : info.resourceName,
      practitionerName: null, free: Math.max(0, s.capacity - used),
    });
  }
  return found.sort((x, y) => x.startsAt.localeCompare(y.startsAt)).slice(0, limit);
}
