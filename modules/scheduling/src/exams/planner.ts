import type { Modality } from '../constants.js';
import {
  combinable, effectiveRules, forbiddenFor, limitsFor, reasonKey, unitMatches,
  type BlockReason, type DayLimits, type Forbidden, type PlanItem, type PlanRule, type Placement, type RuleContext,
} from './constraints.js';
import { MINUTE, STEP, alignUp, earliestStart, localDay, overlaps, quotaAllows, type Interval } from './time-grid.js';
import type { PatientClass } from './types.js';

/** an open timed session of a device, with what is already booked in it */
export interface PlanSession {
  id: number;
  resourceId: number;
  departmentId: number;
  modality: Modality;
  serviceDate: string;
  startsAt: number;
  endsAt: number;
  capacity: number;
  quotas: Readonly<Record<string, number>>;
  /** live exam appointments of the session per channel */
  used: Readonly<Record<string, number>>;
}

export interface PlanInput {
  /** the order set, in the order the clinician listed it */
  items: readonly PlanItem[];
  /** items referenced by the patient's existing appointments (for the rules); may repeat `items` */
  knownItems?: readonly PlanItem[];
  rules: readonly PlanRule[];
  sessions: readonly PlanSession[];
  /** time each device is already taken (all patients) */
  resourceBusy: ReadonlyMap<number, readonly Interval[]>;
  /** the patient's live appointments */
  existing: readonly Placement[];
  /** effective per-patient limits by department (预约规则) */
  limits: ReadonlyMap<number, DayLimits>;
  patientClass: PatientClass;
  channel: string;
  now: number;
  patientGapMinutes?: number;
  /** search effort (candidate placements tried) before falling back to a greedy plan */
  budget?: number;
}

export interface PlannedVisit {
  itemIds: number[];
  sessionId: number;
  start: number;
  end: number;
}

export interface BlockedAlternative extends PlannedVisit {
  reason: BlockReason;
}

export interface PlanResult {
  visits: PlannedVisit[];
  /** earlier times that were free on the device but that a rule or limit ruled out */
  blocked: BlockedAlternative[];
  /** items that could not be placed at all, and why */
  unplaced: { itemIds: number[]; reasons: BlockReason[] }[];
  /** distinct days the patient comes */
  days: string[];
  /** true when the search proved the plan has the fewest days and the earliest last day */
  optimal: boolean;
}

interface Unit {
  itemIds: number[];
  duration: number;
  sessions: PlanSession[];
}

interface Planned extends Placement {
  sessionId: number;
  unit: Unit;
}

const DEFAULT_BUDGET = 20_000;
const MAX_DAYS = 5;
const MAX_GROUPINGS = 24;
const BLOCKED_PER_VISIT = 3;

class OutOfBudget extends Error {}

/**
 * Plans an order set of exams: one appointment per item, or one for items that may share a visit,
 * so that every rule of the library and every per-patient limit holds, on the devices' free time.
 * Prefers the fewest days, then the earliest last day, then the fewest appointments, then the
 * earliest times. Pure: everything it needs is in `input`, so it is tested without a database.
 */
export function planExams(input: PlanInput): PlanResult {
  const planner = new Planner(input);
  return planner.run();
}

export class Planner {
  readonly ctx: RuleContext;
  private budget: number;
  private readonly limits: ReadonlyMap<number, DayLimits>;

  constructor(private readonly input: PlanInput) {
    const items = new Map<number, PlanItem>();
    for (const it of [...(input.knownItems ?? []), ...input.items]) items.set(it.id, it);
    this.ctx = {
      items,
      rules: effectiveRules(input.rules, items.values()),
      patientClass: input.patientClass,
      patientGapMinutes: input.patientGapMinutes ?? 10,
    };
    this.budget = input.budget ?? DEFAULT_BUDGET;
    this.limits = input.limits;
  }

  run(): PlanResult {
    const groupings = this.groupings();
    let found: Planned[] | null = null;
    let optimal = true;
    try {
      found = this.search(groupings);
    } catch (err) {
      if (!(err instanceof OutOfBudget)) throw err;
      optimal = false;
    }
    if (found) return this.result(found, [], optimal);
    // no plan places everything (or the search ran out of effort): place what can be placed
    this.budget = Number.POSITIVE_INFINITY;
    const { placed, unplaced } = this.greedy(groupings[groupings.length - 1]);
    return this.result(placed, unplaced, false);
  }

  // ---- units ---------------------------------------------------------------------------------

  private sessionsFor(items: readonly PlanItem[]): PlanSession[] {
    return this.input.sessions
      .filter((s) => items.every((it) => it.modality === s.modality && (it.departmentId === null || it.departmentId === s.departmentId)))
      .sort((x, y) => x.startsAt - y.startsAt || x.id - y.id);
  }

  /** items inside one appointment: those an order rule puts first come first */
  private orderInside(items: PlanItem[]): PlanItem[] {
    return topoSort(items, (x, y) => this.mustPrecede([x.id], [y.id]));
  }

  /** does an order rule put appointment x before appointment y */
  private mustPrecede(x: readonly number[], y: readonly number[]): boolean {
    return this.ctx.rules.some((r) => r.kind === 'order' && unitMatches(r.a, x, this.ctx.items) && unitMatches(r.b, y, this.ctx.items));
  }

  makeUnit(items: PlanItem[]): Unit {
    const ordered = this.orderInside(items);
    return { itemIds: ordered.map((i) => i.id), duration: ordered.reduce((s, i) => s + i.durationMinutes, 0) * MINUTE, sessions: this.sessionsFor(ordered) };
  }

  /**
   * Ways to split the order set into appointments, most combined first: each appointment is a set
   * of items pairwise allowed to share a visit (同次检查) that some device can do together.
   */
  groupings(): Unit[][] {
    const items = this.input.items;
    const ok = (x: PlanItem, y: PlanItem) => combinable(this.ctx, x, y) && this.sessionsFor([x, y]).length > 0;
    const out: PlanItem[][][] = [];
    const rec = (rest: PlanItem[], acc: PlanItem[][]) => {
      if (out.length >= MAX_GROUPINGS * 4) return;
      if (!rest.length) { out.push(acc); return; }
      const [first, ...others] = rest;
      const partners = others.filter((o) => ok(first, o));
      for (const subset of subsets(partners)) {
        if (!subset.every((x, i) => subset.every((y, j) => i >= j || ok(x, y)))) continue;
        const block = [first, ...subset];
        if (block.length > 1 && this.sessionsFor(block).length === 0) continue;
        rec(others.filter((o) => !subset.includes(o)), [...acc, block]);
      }
    };
    rec([...items], []);
    return out
      .sort((x, y) => x.length - y.length)
      .slice(0, MAX_GROUPINGS)
      .map((g) => this.unitOrder(g.map((block) => this.makeUnit(block))));
  }

  /** the order appointments are placed in: rule order first, then fasting/morning exams, then as listed */
  private unitOrder(units: Unit[]): Unit[] {
    const early = (u: Unit) => u.itemIds.some((id) => { const it = this.ctx.items.get(id)!; return it.fasting || it.morningOnly; });
    const listed = [...units].sort((x, y) => Number(early(y)) - Number(early(x)));
    return topoSort(listed, (x, y) => this.mustPrecede(x.itemIds, y.itemIds));
  }

  // ---- placing one appointment ----------------------------------------------------------------

  private spend(): void {
    if (--this.budget < 0) throw new OutOfBudget();
  }

  /** the patient's appointments around a candidate: existing ones and those planned so far */
  private others(planned: readonly Placement[]): Placement[] {
    return [...this.input.existing, ...planned];
  }

  private limitsOf(departmentId: number): DayLimits {
    return this.limits.get(departmentId) ?? { maxPerDay: Infinity, maxPerDepartment: Infinity, maxPerResource: Infinity };
  }

  /** may this channel put one more exam into the session, counting this plan's own */
  hasRoom(s: PlanSession, planned: readonly Planned[]): boolean {
    const mine = planned.filter((p) => p.sessionId === s.id).length;
    const used = { ...s.used, [this.input.channel]: (s.used[this.input.channel] ?? 0) + mine };
    return quotaAllows(s.capacity, s.quotas, used, this.input.channel);
  }

  /** the device's taken time: other patients' exams and this plan's own on the same device */
  deviceBusy(s: PlanSession, planned: readonly Planned[]): Interval[] {
    return [...(this.input.resourceBusy.get(s.resourceId) ?? []), ...planned.filter((p) => p.resourceId === s.resourceId)];
  }

  /** every rule, limit and timetable interval the appointment must avoid in that session */
  forbidden(unit: { itemIds: readonly number[] }, s: PlanSession, others: readonly Placement[]): Forbidden[] {
    return [
      ...forbiddenFor(this.ctx, unit.itemIds, s.serviceDate, others),
      ...limitsFor(this.limitsOf(s.departmentId), s.serviceDate, s.departmentId, s.resourceId, others),
    ];
  }

  /** the earliest start in `s` that satisfies everything, or null */
  earliestIn(unit: { itemIds: readonly number[]; duration: number }, s: PlanSession, planned: readonly Planned[], notBefore = this.input.now): number | null {
    if (!this.hasRoom(s, planned)) return null;
    const blocked: Interval[] = [...this.deviceBusy(s, planned), ...this.forbidden(unit, s, this.others(planned))];
    return earliestStart({ start: s.startsAt, end: s.endsAt }, blocked, unit.duration, notBefore);
  }

  private place(unit: Unit, s: PlanSession, start: number): Planned {
    return {
      itemIds: unit.itemIds, kind: 'exam', start, end: start + unit.duration, day: s.serviceDate,
      departmentId: s.departmentId, resourceId: s.resourceId, sessionId: s.id, unit,
    };
  }

  // ---- the search -----------------------------------------------------------------------------

  /**
   * Tries day sets by size, then by their last day: the first set on which some grouping fits is
   * the plan with the fewest days and the earliest finish.
   */
  private search(groupings: Unit[][]): Planned[] | null {
    const allDays = [...new Set(groupings.flatMap((g) => g.flatMap((u) => u.sessions.map((s) => s.serviceDate))))].sort();
    const maxUnits = Math.max(...groupings.map((g) => g.length));
    for (let m = 1; m <= Math.min(maxUnits, allDays.length, MAX_DAYS); m++) {
      for (const daySet of combinationsByLast(allDays, m)) {
        const allowed = new Set(daySet);
        for (const units of groupings) {
          if (units.length < m) continue;
          if (!units.every((u) => u.sessions.some((s) => allowed.has(s.serviceDate)))) continue;
          const placed = this.dfs(units, allowed, 0, []);
          if (placed) return placed;
        }
      }
    }
    return null;
  }

  private dfs(units: readonly Unit[], days: ReadonlySet<string>, index: number, planned: Planned[]): Planned[] | null {
    if (index === units.length) return planned;
    const unit = units[index];
    const candidates: { s: PlanSession; start: number }[] = [];
    for (const s of unit.sessions) {
      if (!days.has(s.serviceDate)) continue;
      this.spend();
      const start = this.earliestIn(unit, s, planned);
      if (start !== null) candidates.push({ s, start });
    }
    candidates.sort((x, y) => x.start - y.start || x.s.id - y.s.id);
    for (const c of candidates) {
      const next = this.dfs(units, days, index + 1, [...planned, this.place(unit, c.s, c.start)]);
      if (next) return next;
    }
    return null;
  }

  /** each appointment at its earliest feasible time anywhere; those that fit nowhere are reported */
  private greedy(units: readonly Unit[]): { placed: Planned[]; unplaced: { itemIds: number[]; reasons: BlockReason[] }[] } {
    const placed: Planned[] = [];
    const unplaced: { itemIds: number[]; reasons: BlockReason[] }[] = [];
    for (const unit of units) {
      let best: { s: PlanSession; start: number } | null = null;
      for (const s of unit.sessions) {
        const start = this.earliestIn(unit, s, placed);
        if (start !== null && (!best || start < best.start)) best = { s, start };
      }
      if (best) placed.push(this.place(unit, best.s, best.start));
      else unplaced.push({ itemIds: unit.itemIds, reasons: this.whyNot(unit, placed) });
    }
    return { placed, unplaced };
  }

  /** why an appointment fits nowhere: the rules blocking the device's free times, or no free time */
  whyNot(unit: Unit, planned: readonly Planned[]): BlockReason[] {
    const seen = new Map<string, BlockReason>();
    for (const s of unit.sessions) {
      for (const alt of this.blockedIn(unit, s, planned, Infinity, 1_000)) {
        if (alt.reason.kind !== 'patient_busy') seen.set(reasonKey(alt.reason), alt.reason);
      }
    }
    return seen.size ? [...seen.values()] : [{ kind: 'no_capacity' }];
  }

  // ---- explaining -----------------------------------------------------------------------------

  /**
   * Device-free starts in `s` before `until` that something other than the device ruled out, each
   * reason reported once at its first time. Skips over a blocking interval instead of stepping
   * through it, so a whole-day rule costs one step.
   */
  blockedIn(unit: { itemIds: readonly number[]; duration: number }, s: PlanSession, planned: readonly Planned[], until: number, maxSteps = 500, known = new Set<string>()): BlockedAlternative[] {
    const out: BlockedAlternative[] = [];
    if (!this.hasRoom(s, planned)) return out;
    const busy = this.deviceBusy(s, planned);
    const forbidden = this.forbidden(unit, s, this.others(planned));
    let t = alignUp(Math.max(s.startsAt, this.input.now));
    for (let step = 0; step < maxSteps && t + unit.duration <= s.endsAt && t < until; step++) {
      const free = earliestStart({ start: s.startsAt, end: s.endsAt }, busy, unit.duration, t);
      if (free === null || free >= until) break;
      const occupied = { start: free, end: free + unit.duration };
      const hits = forbidden.filter((f) => overlaps(f, occupied));
      if (!hits.length) break; // the device is free and nothing forbids it: not an alternative that was blocked
      for (const h of hits) {
        const key = reasonKey(h.reason);
        if (h.reason.kind === 'patient_busy' || known.has(key)) continue;
        known.add(key);
        out.push({ itemIds: [...unit.itemIds], sessionId: s.id, start: free, end: free + unit.duration, reason: h.reason });
      }
      // next candidate: past the blocking interval that ends first
      const skip = Math.min(...hits.map((h) => h.end));
      t = Number.isFinite(skip) ? Math.max(alignUp(skip), free + STEP) : s.endsAt;
    }
    return out;
  }

  private explain(plan: readonly Planned[]): BlockedAlternative[] {
    const out: BlockedAlternative[] = [];
    for (const p of plan) {
      const rest = plan.filter((q) => q !== p);
      const known = new Set<string>();
      const found: BlockedAlternative[] = [];
      for (const s of p.unit.sessions) {
        if (s.startsAt > p.start || found.length >= BLOCKED_PER_VISIT) break;
        found.push(...this.blockedIn(p.unit, s, rest, p.start, 500, known));
      }
      out.push(...found.slice(0, BLOCKED_PER_VISIT));
    }
    return out;
  }

  private result(plan: Planned[], unplaced: { itemIds: number[]; reasons: BlockReason[] }[], optimal: boolean): PlanResult {
    const sorted = [...plan].sort((x, y) => x.start - y.start);
    return {
      visits: sorted.map((p) => ({ itemIds: [...p.itemIds], sessionId: p.sessionId, start: p.start, end: p.end })),
      blocked: this.explain(sorted),
      unplaced,
      days: [...new Set(sorted.map((p) => localDay(p.start)))],
      optimal,
    };
  }
}

// ---- small combinatorics ------------------------------------------------------------------------

function subsets<T>(xs: readonly T[]): T[][] {
  // largest first, so the most combined groupings come out first
  const out: T[][] = [[]];
  for (const x of xs) for (const s of [...out]) out.push([...s, x]);
  return out.sort((a, b) => b.length - a.length);
}

/** m-element subsets of sorted `days`, ordered by their last element, then lexicographically */
export function* combinationsByLast(days: readonly string[], m: number): Generator<string[]> {
  for (let last = m - 1; last < days.length; last++) {
    for (const head of combinations(days.slice(0, last), m - 1)) yield [...head, days[last]];
  }
}

function* combinations<T>(xs: readonly T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) { yield []; return; }
  for (let i = from; i <= xs.length - k; i++) {
    for (const rest of combinations(xs, k - 1, i + 1)) yield [xs[i], ...rest];
  }
}

/** stable topological order under `before`; ignores edges that would form a cycle */
function topoSort<T>(xs: readonly T[], before: (x: T, y: T) => boolean): T[] {
  const rest = [...xs];
  const out: T[] = [];
  while (rest.length) {
    const i = rest.findIndex((x) => !rest.some((y) => y !== x && before(y, x) && !before(x, y)));
    out.push(...rest.splice(i < 0 ? 0 : i, 1));
  }
  return out;
}
