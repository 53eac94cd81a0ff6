import { AppError, fieldError, invalid, t, type CallContext, type Kernel, type Lang, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import type { BlockReason } from './constraints.js';
import { bookExam } from './book-exam.js';
import { readExamAppointment, type ExamAppointmentView } from './exam-view.js';
import { requireActiveItems } from './items.js';
import { loadPlanData, type SessionInfo } from './plan-loader.js';
import { planExams, type PlannedVisit } from './planner.js';
import { DAY, dayStart, localClock, localDay } from './time-grid.js';
import type { ExamItem, PatientClass } from './types.js';
import { lockPatient } from '../booking/book.js';

export const MAX_PLAN_DAYS = 31;

export interface ProposeRequest {
  patientId: number;
  examItemIds: number[];
  from: string;
  to: string;
  patientClass: PatientClass;
  channel: Channel;
}

export interface ProposalVisit {
  examItemIds: number[];
  items: Pick<ExamItem, 'id' | 'code' | 'name' | 'modality' | 'durationMinutes' | 'preparation' | 'fasting' | 'contrast' | 'morningOnly'>[];
  sessionId: number;
  resourceId: number;
  resourceName: string;
  room: string | null;
  departmentId: number;
  departmentName: string;
  serviceDate: string;
  period: string;
  startsAt: string;
  endsAt: string;
}

export interface ProposalReason {
  kind: BlockReason['kind'];
  ruleId?: number | null;
  ruleKind?: string;
  description?: string;
  code?: string;
  limit?: number;
  message: string;
}

export interface PlanProposal {
  patientId: number;
  patientClass: PatientClass;
  from: string;
  to: string;
  complete: boolean;
  optimal: boolean;
  days: string[];
  visits: ProposalVisit[];
  /** earlier times the devices had free that a rule or limit ruled out, with the reason */
  blocked: (Omit<ProposalVisit, 'items' | 'period' | 'resourceId' | 'departmentId' | 'departmentName'> & { itemNames: string; message: string; reason: ProposalReason })[];
  unplaced: { examItemIds: number[]; itemNames: string; reasons: ProposalReason[] }[];
}

/** "3月4日 上午 9:00" / "2030-03-04 9:00" */
function when(ms: number, lang: Lang): string {
  const day = localDay(ms);
  const clock = localClock(ms);
  if (lang === 'en') return `${day} ${clock}`;
  const hour = Number(clock.split(':')[0]);
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${hour < 12 ? '上午' : '下午'} ${clock}`;
}

function reasonText(r: BlockReason, lang: Lang): string {
  switch (r.kind) {
    case 'rule': return t('scheduling.exam_rule_blocked', lang, { rule: r.description });
    case 'limit': return t(`scheduling.${r.code}`, lang, { limit: r.limit });
    case 'patient_busy': return t('scheduling.exam_patient_busy', lang);
    default: return t('scheduling.exam_no_capacity', lang);
  }
}

function reasonOut(r: BlockReason, message: string): ProposalReason {
  if (r.kind === 'rule') return { kind: r.kind, ruleId: r.ruleId, ruleKind: r.ruleKind, description: r.description, message };
  if (r.kind === 'limit') return { kind: r.kind, code: r.code, limit: r.limit, message };
  return { kind: r.kind, message };
}

/** the patient must exist, be visible to the caller and not be merged, as for any booking */
async function requirePatient(db: ScopedClient, patientId: number): Promise<void> {
  const { rows } = await db.query(
    `SELECT f.status, EXISTS (SELECT 1 FROM patient_record pr WHERE pr.patient_id = $1) AS visible FROM sched_patient_facts($1) f`, [patientId]);
  if (!rows[0]?.visible) throw invalid([fieldError('patientId', 'unknown', 'scheduling.patient_unknown')]);
  if (rows[0].status !== 'active') throw invalid([fieldError('patientId', 'merged', 'scheduling.patient_merged')]);
}

export function checkRange(from: string, to: string): void {
  if (to < from) throw invalid([fieldError('to', 'before_from', 'scheduling.exam_range_order')]);
  if ((dayStart(to) - dayStart(from)) / DAY >= MAX_PLAN_DAYS) throw invalid([fieldError('to', 'too_long', 'scheduling.exam_range_too_long', { days: MAX_PLAN_DAYS })]);
}

/** proposes a plan for an order set: loads the facts, runs the pure planner, explains it in the caller's language */
export async function proposePlan(kernel: Kernel, ctx: CallContext, db: ScopedClient, req: ProposeRequest): Promise<PlanProposal> {
  checkRange(req.from, req.to);
  await requirePatient(db, req.patientId);
  const items = await requireActiveItems(db, ctx.actor.institutionId, req.examItemIds, 'examItemIds');
  const data = await loadPlanData(db, {
    institutionId: ctx.actor.institutionId, patientId: req.patientId, items, channel: req.channel, patientClass: req.patientClass,
    sessions: { from: req.from, to: req.to }, withLimits: true,
  });
  const result = planExams(data.input);
  const lang = ctx.request.lang;
  const names = (ids: readonly number[]) => ids.map((id) => data.items.get(id)?.name ?? String(id)).join('、');
  const place = (v: PlannedVisit) => {
    const s = data.sessions.get(v.sessionId) as SessionInfo;
    return {
      examItemIds: v.itemIds, sessionId: s.id, resourceName: s.resourceName, room: s.room, serviceDate: s.serviceDate,
      startsAt: new Date(v.start).toISOString(), endsAt: new Date(v.end).toISOString(), s,
    };
  };
  await kernel.audit(db, ctx, { action: 'appointment.plan', entityType: 'Patient', entityId: req.patientId, patientId: req.patientId, detail: { examItemIds: req.examItemIds } });
  return {
    patientId: req.patientId, patientClass: req.patientClass, from: req.from, to: req.to,
    complete: result.unplaced.length === 0, optimal: result.optimal, days: result.days,
    visits: result.visits.map((v) => {
      const { s, ...rest } = place(v);
      return {
        ...rest, resourceId: s.resourceId, departmentId: s.departmentId, departmentName: s.departmentName, period: s.period,
        items: v.itemIds.map((id) => {
          const i = data.items.get(id)!;
          return { id: i.id, code: i.code, name: i.name, modality: i.modality, durationMinutes: i.durationMinutes, preparation: i.preparation, fasting: i.fasting, contrast: i.contrast, morningOnly: i.morningOnly };
        }),
      };
    }),
    blocked: result.blocked.map((b) => {
      const { s: _s, ...rest } = place(b);
      const message = b.reason.kind === 'rule'
        ? t('scheduling.exam_blocked_alternative', lang, { when: when(b.start, lang), items: names(b.itemIds), rule: b.reason.description })
        : t('scheduling.exam_blocked_limit', lang, { when: when(b.start, lang), items: names(b.itemIds), limit: reasonText(b.reason, lang) });
      return { ...rest, itemNames: names(b.itemIds), message, reason: reasonOut(b.reason, message) };
    }),
    unplaced: result.unplaced.map((u) => ({
      examItemIds: u.itemIds, itemNames: names(u.itemIds), reasons: u.reasons.map((r) => reasonOut(r, reasonText(r, lang))),
    })),
  };
}

export interface PlanBookingRequest {
  patientId: number;
  patientClass: PatientClass;
  channel: Channel;
  idempotencyKey?: string | null;
  orderRef?: string | null;
  visits: { examItemIds: number[]; sessionId: number; startsAt: Date }[];
}

/**
 * Books a proposed plan all or nothing: every visit in this one transaction, each checked again
 * against the devices and the rules (which now include the visits booked before it). The first
 * visit that cannot be had aborts the transaction, so nothing of the plan stays booked.
 */
export async function bookPlan(kernel: Kernel, ctx: CallContext, db: ScopedClient, req: PlanBookingRequest, idemOwner: string): Promise<ExamAppointmentView[]> {
  const lang = ctx.request.lang;
  const all = req.visits.flatMap((v) => v.examItemIds);
  if (new Set(all).size !== all.length) throw invalid([fieldError('visits', 'duplicate', 'scheduling.exam_items_duplicate')]);
  await lockPatient(db, req.patientId);
  const key = (i: number) => (req.idempotencyKey ? `${req.idempotencyKey}#${i + 1}` : null);
  if (req.idempotencyKey) {
    const { rows } = await db.query(`SELECT id FROM appointment WHERE idem_owner = $1 AND idem_key = ANY ($2::text[]) ORDER BY starts_at`,
      [idemOwner, req.visits.map((_, i) => key(i))]);
    if (rows.length) {
      const replayed: ExamAppointmentView[] = [];
      for (const r of rows) replayed.push({ ...(await readExamAppointment(db, r.id))!, replayed: true });
      return replayed;
    }
  }
  // the sessions in one order for every plan, so two plans never wait on each other in a circle
  await db.query('SELECT id FROM sched_session WHERE id = ANY ($1::bigint[]) ORDER BY id FOR NO KEY UPDATE', [[...new Set(req.visits.map((v) => v.sessionId))]]);
  const booked: ExamAppointmentView[] = [];
  for (const [i, v] of req.visits.entries()) {
    try {
      booked.push(await bookExam(kernel, ctx, db, {
        patientId: req.patientId, sessionId: v.sessionId, examItemIds: v.examItemIds, startsAt: v.startsAt, channel: req.channel,
        patientClass: req.patientClass, idempotencyKey: key(i), orderRef: req.orderRef ?? null, itemsField: `visits.${i}.examItemIds`,
      }, idemOwner));
    } catch (err) {
      if (!(err instanceof AppError) || err.status === 403) throw err;
      if (err.status === 422) {
        throw invalid(err.fieldErrors.map((f) => (f.field.startsWith('visits.') ? f : { ...f, field: `visits.${i}.${f.field}` })));
      }
      const reason = t(err.messageKey, lang, err.params);
      throw new AppError(409, 'plan_unavailable', 'scheduling.exam_plan_failed', { index: i + 1, reason }, [],
        { failedVisit: i, cause: { code: err.code, title: reason, ...err.extra } });
    }
  }
  return booked.sort((x, y) => x.startsAt.localeCompare(y.startsAt));
}
