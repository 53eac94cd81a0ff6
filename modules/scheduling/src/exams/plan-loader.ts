import type { Queryable, ScopedClient } from '@kangyun/kernel';
import type { Modality } from '../constants.js';
import { EFFECTIVE_RULE_SELECT, effectiveRuleJoins, ruleFromRow } from '../rules/booking-rule.js';
import type { DayLimits, PlanItem, Placement } from './constraints.js';
import { readExamItems } from './items.js';
import { loadPlanRules, ruleItemIds } from './rules.js';
import type { PlanInput, PlanSession } from './planner.js';
import { DAY, MINUTE, localDay, type Interval } from './time-grid.js';
import type { ExamItem, PatientClass } from './types.js';

/** a session as the planner sees it, plus what people need to read the plan */
export interface SessionInfo extends PlanSession {
  resourceName: string;
  room: string | null;
  departmentName: string;
  period: string;
}

export interface PlanData {
  input: PlanInput;
  sessions: Map<number, SessionInfo>;
  items: Map<number, ExamItem>;
}

export interface PlanQuery {
  institutionId: number;
  patientId: number;
  items: readonly ExamItem[];
  channel: string;
  patientClass: PatientClass;
  now?: Date;
  /** particular sessions (a booking), or every bookable session in a date range (a plan, options) */
  sessions: { ids: readonly number[] } | { from: string; to: string };
  /** per-patient day limits are part of the plan; a single booking checks them with the core rules instead */
  withLimits?: boolean;
}

export function toPlanItem(i: ExamItem): PlanItem {
  return {
    id: i.id, name: i.name, modality: i.modality, departmentId: i.departmentId, durationMinutes: i.durationMinutes,
    fasting: i.fasting, contrast: i.contrast, morningOnly: i.morningOnly,
  };
}

/**
 * Loads everything the planner needs, in a few statements: the rules library, the open timed
 * sessions of devices that can do the items, the devices' taken time, the patient's own
 * appointments around the window (for intervals and order rules) and the per-patient limits.
 */
export async function loadPlanData(db: ScopedClient | Queryable, q: PlanQuery): Promise<PlanData> {
  const now = q.now ?? new Date();
  const rules = await loadPlanRules(db, q.institutionId);
  const modalities = [...new Set(q.items.map((i) => i.modality))] as Modality[];
  const byIds = 'ids' in q.sessions;
  const { rows: sessionRows } = await db.query(
    `SELECT s.id, s.resource_id AS "resourceId", s.department_id AS "departmentId", r.modality, to_char(s.service_date, 'YYYY-MM-DD') AS "serviceDate",
       s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.quotas, r.name AS "resourceName", COALESCE(s.room, r.room) AS room,
       d.name AS "departmentName", s.period
     FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id JOIN org_unit d ON d.id = s.department_id
     WHERE s.institution_id = $1 AND s.pool_kind = 'timed' AND s.status = 'open' AND r.active AND r.modality = ANY ($2::text[])
       AND ${byIds ? 's.id = ANY ($3::bigint[])' : `s.service_date BETWEEN $3::date AND $4::date AND s.opens_at <= $5 AND s.closes_at > $5 AND s.ends_at > $5`}
     ORDER BY s.starts_at, s.id`,
    byIds ? [q.institutionId, modalities, (q.sessions as { ids: readonly number[] }).ids]
      : [q.institutionId, modalities, (q.sessions as { from: string }).from, (q.sessions as { to: string }).to, now]);
  const sessions = new Map<number, SessionInfo>(sessionRows.map((r) => [Number(r.id), {
    ...r, id: Number(r.id), resourceId: Number(r.resourceId), departmentId: Number(r.departmentId),
    startsAt: (r.startsAt as Date).getTime(), endsAt: (r.endsAt as Date).getTime(), quotas: r.quotas ?? {}, used: {},
  } as SessionInfo]));

  const all = [...sessions.values()];
  const windowFrom = all.length ? Math.min(...all.map((s) => s.startsAt)) : now.getTime();
  const windowTo = all.length ? Math.max(...all.map((s) => s.endsAt)) : now.getTime() + DAY;
  const resourceBusy = new Map<number, Interval[]>();
  if (all.length) {
    const resources = [...new Set(all.map((s) => s.resourceId))];
    const { rows } = await db.query('SELECT resource_id, session_id, starts_at, ends_at, channel FROM sched_exam_busy($1::bigint[], $2, $3)',
      [resources, new Date(windowFrom), new Date(windowTo)]);
    for (const b of rows) {
      const list = resourceBusy.get(Number(b.resource_id)) ?? [];
      list.push({ start: (b.starts_at as Date).getTime(), end: (b.ends_at as Date).getTime() });
      resourceBusy.set(Number(b.resource_id), list);
      const s = sessions.get(Number(b.session_id));
      if (s) (s.used as Record<string, number>)[b.channel] = (s.used[b.channel] ?? 0) + 1;
    }
  }

  // the patient's appointments far enough around the window for the longest interval rule
  const margin = Math.max(0, ...rules.map((r) => r.minGapMinutes)) * MINUTE + DAY;
  const { rows: mine } = await db.query('SELECT * FROM sched_exam_patient_busy($1, $2, $3)',
    [q.patientId, new Date(windowFrom - margin), new Date(windowTo + margin)]);
  const existing: Placement[] = mine.map((a) => ({
    itemIds: ((a.item_ids as string[] | null) ?? []).map(Number), kind: a.kind, start: (a.starts_at as Date).getTime(), end: (a.ends_at as Date).getTime(),
    day: localDay((a.starts_at as Date).getTime()), departmentId: Number(a.department_id), resourceId: Number(a.resource_id),
  }));

  const items = new Map<number, ExamItem>(q.items.map((i) => [i.id, i]));
  const otherIds = [...new Set([...existing.flatMap((e) => e.itemIds), ...ruleItemIds(rules)])].filter((id) => !items.has(id));
  const known = otherIds.length ? await readExamItems(db, q.institutionId, otherIds) : [];

  const limits = new Map<number, DayLimits>();
  if (q.withLimits) {
    const departments = [...new Set(all.map((s) => s.departmentId))];
    const { rows } = await db.query(
      `SELECT dep.id, ${EFFECTIVE_RULE_SELECT} FROM unnest($2::bigint[]) AS dep(id) ${effectiveRuleJoins('$1::bigint', 'dep.id')}`, [q.institutionId, departments]);
    for (const r of rows) {
      const rule = ruleFromRow(r);
      limits.set(Number(r.id), { maxPerDay: rule.maxPerPatientDay, maxPerDepartment: rule.maxPerPatientDepartmentDay, maxPerResource: rule.maxPerPatientDoctorDay });
    }
  }

  return {
    sessions,
    items,
    input: {
      items: q.items.map(toPlanItem),
      knownItems: known.map(toPlanItem),
      rules,
      sessions: all,
      resourceBusy,
      existing,
      limits,
      patientClass: q.patientClass,
      channel: q.channel,
      now: now.getTime(),
    },
  };
}
