import type { Modality } from '../constants.js';
import { DAY, MINUTE, NOON_MINUTES, atMinutes, clockMinutes, dayStart, type Interval } from './time-grid.js';
import type { ExamRuleKind, PatientClass, Selector } from './types.js';

/** what the planner and the booking path need to know about an exam item */
export interface PlanItem {
  id: number;
  name: string;
  modality: Modality;
  departmentId: number | null;
  durationMinutes: number;
  fasting: boolean;
  contrast: boolean;
  morningOnly: boolean;
}

/** a rule of the library, or one implied by an item's morning-only flag (ruleId null) */
export interface PlanRule {
  id: number | null;
  kind: ExamRuleKind;
  a: Selector;
  b: Selector | null;
  sameDay: boolean;
  minGapMinutes: number;
  patientClass: PatientClass | null;
  timeFrom: string | null;
  timeTo: string | null;
  description: string;
}

/** one of the patient's appointments, already booked or planned in this proposal */
export interface Placement {
  itemIds: readonly number[];
  kind: 'exam' | 'clinic';
  start: number;
  end: number;
  day: string;
  departmentId: number;
  resourceId: number;
}

export interface DayLimits {
  maxPerDay: number;
  maxPerDepartment: number;
  maxPerResource: number;
}

export type BlockReason =
  | { kind: 'rule'; ruleId: number | null; ruleKind: ExamRuleKind; description: string }
  | { kind: 'limit'; code: 'limit_day' | 'limit_department' | 'limit_doctor'; limit: number }
  | { kind: 'patient_busy' }
  | { kind: 'no_capacity' };

export interface Forbidden extends Interval {
  reason: BlockReason;
}

export interface RuleContext {
  items: ReadonlyMap<number, PlanItem>;
  rules: readonly PlanRule[];
  patientClass: PatientClass;
  /** minutes the patient needs between two appointments (walking to another room) */
  patientGapMinutes: number;
}

export function selectorMatches(sel: Selector, item: PlanItem): boolean {
  if ('itemId' in sel) return sel.itemId === item.id;
  if ('modality' in sel) return sel.modality === item.modality;
  return sel.flag === 'contrast' ? item.contrast : item.fasting;
}

/** does any item of an appointment fall under the selector */
export function unitMatches(sel: Selector | null, itemIds: readonly number[], items: ReadonlyMap<number, PlanItem>): boolean {
  if (!sel) return false;
  return itemIds.some((id) => {
    const item = items.get(id);
    return item ? selectorMatches(sel, item) : false;
  });
}

/** the library's rules plus one morning-only rule per flagged item, each with a text people can read */
export function effectiveRules(rules: readonly PlanRule[], items: Iterable<PlanItem>): PlanRule[] {
  const implied: PlanRule[] = [];
  for (const item of items) {
    if (!item.morningOnly) continue;
    implied.push({
      id: null, kind: 'morning_only', a: { itemId: item.id }, b: null, sameDay: false, minGapMinutes: 0, patientClass: null,
      timeFrom: null, timeTo: null, description: `${item.name}须在上午完成${item.fasting ? '（空腹检查）' : ''}`,
    });
  }
  return [...rules, ...implied];
}

const ruleReason = (r: PlanRule): BlockReason => ({ kind: 'rule', ruleId: r.id, ruleKind: r.kind, description: r.description });

/**
 * Times an appointment covering `itemIds` on local date `day` must not touch, given the patient's
 * other appointments (`others`), each tagged with the rule that forbids it. Every rule becomes an
 * interval the appointment's occupied time must avoid, so one free-time search satisfies them all.
 */
export function forbiddenFor(ctx: RuleContext, itemIds: readonly number[], day: string, others: readonly Placement[]): Forbidden[] {
  const out: Forbidden[] = [];
  const d0 = dayStart(day);
  const d1 = d0 + DAY;
  for (const rule of ctx.rules) {
    const uA = unitMatches(rule.a, itemIds, ctx.items);
    if (rule.kind === 'morning_only') {
      if (uA) out.push({ start: atMinutes(day, NOON_MINUTES), end: d1, reason: ruleReason(rule) });
      continue;
    }
    if (rule.kind === 'priority') {
      if (uA && rule.patientClass !== ctx.patientClass && rule.timeFrom && rule.timeTo) {
        out.push({ start: atMinutes(day, clockMinutes(rule.timeFrom)), end: atMinutes(day, clockMinutes(rule.timeTo)), reason: ruleReason(rule) });
      }
      continue;
    }
    if (rule.kind === 'same_visit') continue;
    const uB = unitMatches(rule.b, itemIds, ctx.items);
    if (!uA && !uB) continue;
    const gap = rule.minGapMinutes * MINUTE;
    for (const o of others) {
      if (o.kind !== 'exam') continue;
      const oA = unitMatches(rule.a, o.itemIds, ctx.items);
      const oB = unitMatches(rule.b, o.itemIds, ctx.items);
      const related = (uA && oB) || (uB && oA);
      if (!related) continue;
      switch (rule.kind) {
        case 'different_day':
          if (o.day === day) out.push({ start: d0, end: d1, reason: ruleReason(rule) });
          break;
        case 'min_interval':
          out.push({ start: o.start - gap, end: o.end + gap, reason: ruleReason(rule) });
          break;
        case 'order': {
          if (rule.sameDay && o.day !== day) break;
          // this appointment is the later one (B after A): nothing of it before A ends + gap
          if (uB && oA) out.push({ start: rule.sameDay ? d0 : -Infinity, end: o.end + gap, reason: ruleReason(rule) });
          // this appointment is the earlier one (A before B): it must be over gap before B starts
          if (uA && oB) out.push({ start: o.start - gap, end: rule.sameDay ? d1 : Infinity, reason: ruleReason(rule) });
          break;
        }
      }
    }
  }
  const gap = ctx.patientGapMinutes * MINUTE;
  for (const o of others) out.push({ start: o.start - gap, end: o.end + gap, reason: { kind: 'patient_busy' } });
  return out;
}

/**
 * 预约规则 per-patient limits on a day, counting the patient's other live appointments and the
 * ones planned with this one: a whole day is forbidden when one more would exceed a limit.
 */
export function limitsFor(limits: DayLimits, day: string, departmentId: number, resourceId: number, others: readonly Placement[]): Forbidden[] {
  const sameDay = others.filter((o) => o.day === day);
  const whole = (reason: BlockReason): Forbidden => ({ start: dayStart(day), end: dayStart(day) + DAY, reason });
  const out: Forbidden[] = [];
  if (sameDay.length >= limits.maxPerDay) out.push(whole({ kind: 'limit', code: 'limit_day', limit: limits.maxPerDay }));
  if (sameDay.filter((o) => o.departmentId === departmentId).length >= limits.maxPerDepartment) {
    out.push(whole({ kind: 'limit', code: 'limit_department', limit: limits.maxPerDepartment }));
  }
  if (sameDay.filter((o) => o.resourceId === resourceId).length >= limits.maxPerResource) {
    out.push(whole({ kind: 'limit', code: 'limit_doctor', limit: limits.maxPerResource }));
  }
  return out;
}

/** may these items share one appointment: a same-visit rule joins them and no other rule keeps them apart */
export function combinable(ctx: RuleContext, x: PlanItem, y: PlanItem): boolean {
  const items = ctx.items;
  const pair = (r: PlanRule) =>
    (unitMatches(r.a, [x.id], items) && unitMatches(r.b, [y.id], items)) || (unitMatches(r.a, [y.id], items) && unitMatches(r.b, [x.id], items));
  if (!ctx.rules.some((r) => r.kind === 'same_visit' && pair(r))) return false;
  return !ctx.rules.some((r) => pair(r) && (r.kind === 'different_day' || (r.kind === 'min_interval' && r.minGapMinutes > 0) || (r.kind === 'order' && r.minGapMinutes > 0)));
}

/** a stable key for reporting a reason once */
export function reasonKey(r: BlockReason): string {
  switch (r.kind) {
    case 'rule': return `rule:${r.ruleId ?? r.description}`;
    case 'limit': return `limit:${r.code}`;
    default: return r.kind;
  }
}
