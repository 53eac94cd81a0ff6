import { AppError, conflict, fieldError, invalid, type CallContext, type Kernel, type ScopedClient } from '@kangyun/kernel';
import type { Channel } from '../constants.js';
import { checkBookingRules, loadBookingFacts } from '../booking/patient-facts.js';
import type { BookingOption, BookingRequest } from '../booking/types.js';
import { combinable, type BlockReason } from './constraints.js';
import { readExamAppointment, type ExamAppointmentView } from './exam-view.js';
import { requireActiveItems } from './items.js';
import { examNotice } from './notice.js';
import { examOptions } from './options.js';
import { loadPlanData, toPlanItem } from './plan-loader.js';
import { Planner } from './planner.js';
import { earliestStart, isAligned, overlaps } from './time-grid.js';
import type { PatientClass } from './types.js';
import { lockPatient } from '../booking/book.js';

export interface ExamBookingRequest {
  patientId: number;
  sessionId: number;
  /** one item, or several that may share a visit (durations add) */
  examItemIds: number[];
  /** an exact start (5-minute grid); without it the earliest start that fits and satisfies the rules */
  startsAt?: Date | null;
  channel: Channel;
  /** 'held' puts a hold with expiry (FHIR $hold) */
  status?: 'held' | 'booked';
  patientClass?: PatientClass;
  idempotencyKey?: string | null;
  note?: string | null;
  /** the exam order number of the HIS, kept for the technicians */
  orderRef?: string | null;
  selfService?: boolean;
  /** internal: no notice (the caller sends its own) */
  quiet?: boolean;
  /** internal: the appointment being rescheduled */
  replacing?: number | null;
  /** field name the items came in as ('examItemId' or 'examItemIds'), for error messages */
  itemsField?: string;
}

/**
 * The device's time was taken by a transaction this one could not see: the exclusion constraint
 * refused the row (23P01), or two such inserts waited on each other and PostgreSQL broke the tie
 * (40P01, only possible across two sessions of one device). Either way the time is gone.
 */
const TIME_TAKEN_ERRORS = new Set(['23P01', '40P01']);

/**
 * Books (or holds) an exam in a timed session, in the caller's transaction. The patient's bookings
 * are serialised by the same advisory lock as clinic bookings (limits hold); the session row is
 * locked by taking its next number, so bookings of one session see each other's times. The
 * database's exclusion constraint is the last word on overlapping device time (e.g. two sessions
 * of one device): its refusal becomes a 409 with other times, never a 500.
 */
export async function bookExam(kernel: Kernel, ctx: CallContext | null, db: ScopedClient, req: ExamBookingRequest, idemOwner: string): Promise<ExamAppointmentView> {
  const itemsField = req.itemsField ?? 'examItemIds';
  await lockPatient(db, req.patientId);
  if (req.idempotencyKey) {
    const { rows } = await db.query({
      name: 'scheduling.idempotent',
      text: 'SELECT id, patient_id FROM appointment WHERE idem_owner = $1 AND idem_key = $2',
      values: [idemOwner, req.idempotencyKey],
    });
    if (rows[0]) {
      if (Number(rows[0].patient_id) !== req.patientId) throw conflict('idempotency_key_reused', 'scheduling.idempotency_key_reused');
      return { ...(await readExamAppointment(db, rows[0].id))!, replayed: true };
    }
  }
  // the session row lock: serialises this session's bookings and hands out its next number
  const { rows: locked } = await db.query({
    name: 'scheduling.exam-take-seq',
    text: `UPDATE sched_session SET next_seq = next_seq + 1, updated_at = now() WHERE id = $1 RETURNING next_seq - 1 AS seq, pool_kind`,
    values: [req.sessionId],
  });
  if (!locked[0]) throw invalid([fieldError('sessionId', 'unknown', 'scheduling.session_unknown')]);
  if (locked[0].pool_kind !== 'timed') throw invalid([fieldError('sessionId', 'numbered', 'scheduling.session_not_timed')]);
  const seq = locked[0].seq as number;

  const bookingReq: BookingRequest = {
    patientId: req.patientId, sessionId: req.sessionId, channel: req.channel, status: req.status,
    selfService: req.selfService, replacing: req.replacing ?? null,
  };
  const { session, patient } = await loadBookingFacts(db, bookingReq);
  await checkBookingRules(db, ctx, bookingReq, session, patient);
  const items = await requireActiveItems(db, session.institutionId, req.examItemIds, itemsField);
  await db.query({ name: 'scheduling.exam-expire-holds', text: 'SELECT sched_exam_expire_holds($1::bigint[])', values: [[session.resourceId]] });

  const patientClass = req.patientClass ?? 'outpatient';
  const data = await loadPlanData(db, { institutionId: session.institutionId, patientId: req.patientId, items, channel: req.channel, patientClass, sessions: { ids: [req.sessionId] } });
  const planner = new Planner(data.input);
  const unit = planner.makeUnit(items.map(toPlanItem));
  const target = unit.sessions.find((s) => s.id === req.sessionId);
  if (!target) throw invalid([fieldError(itemsField, 'wrong_device', 'scheduling.exam_item_wrong_device')]);
  if (items.length > 1 && !items.every((x, i) => items.every((y, j) => i >= j || combinable(planner.ctx, toPlanItem(x), toPlanItem(y))))) {
    throw invalid([fieldError(itemsField, 'not_combinable', 'scheduling.exam_items_not_combinable')]);
  }
  const options = () => examOptions(db, { institutionId: session.institutionId, patientId: req.patientId, items, channel: req.channel, patientClass, fromDate: session.serviceDate });
  if (!planner.hasRoom(target, [])) throw conflict('exam_session_full', 'scheduling.exam_session_full', { options: await options() });

  let start: number;
  const now = Date.now();
  if (req.startsAt) {
    start = req.startsAt.getTime();
    const occupied = { start, end: start + unit.duration };
    if (!isAligned(start)) throw invalid([fieldError('startsAt', 'unaligned', 'scheduling.exam_start_unaligned')]);
    if (start < target.startsAt || occupied.end > target.endsAt) throw invalid([fieldError('startsAt', 'outside', 'scheduling.exam_start_outside')]);
    if (start < now) throw invalid([fieldError('startsAt', 'past', 'scheduling.exam_start_past')]);
    if (planner.deviceBusy(target, []).some((b) => overlaps(b, occupied))) throw conflict('time_taken', 'scheduling.exam_time_taken', { options: await options() });
    const hit = planner.forbidden(unit, target, data.input.existing).find((f) => overlaps(f, occupied));
    if (hit) throw blockedError(hit.reason, await options());
  } else {
    const found = planner.earliestIn(unit, target, []);
    if (found === null) {
      const deviceFree = earliestStart({ start: target.startsAt, end: target.endsAt }, planner.deviceBusy(target, []), unit.duration, now);
      if (deviceFree === null) throw conflict('exam_no_time', 'scheduling.exam_no_time', { options: await options() });
      const why = planner.blockedIn(unit, target, [], Number.POSITIVE_INFINITY)[0];
      throw blockedError(why?.reason ?? { kind: 'patient_busy' }, await options());
    }
    start = found;
  }

  const id = await insertExam(db, ctx, req, { session, seq, start, end: start + unit.duration, itemIds: unit.itemIds, idemOwner, holdMinutes: session.rule.holdMinutes }, options);
  const view = (await readExamAppointment(db, id))!;
  if (ctx) {
    await kernel.audit(db, ctx, {
      action: view.status === 'held' ? 'appointment.hold' : 'appointment.book', entityType: 'Appointment', entityId: id, patientId: req.patientId,
      detail: { sessionId: req.sessionId, seq, channel: req.channel, examItemIds: unit.itemIds, startsAt: view.startsAt },
    });
  }
  if (view.status === 'booked' && !req.quiet) await examNotice(kernel, db, view, 'appointment.booked', patient.mobileEnc ?? null);
  return view;
}

interface Placing {
  session: Awaited<ReturnType<typeof loadBookingFacts>>['session'];
  seq: number;
  start: number;
  end: number;
  itemIds: number[];
  idemOwner: string;
  holdMinutes: number;
}

/** the appointment and its items in one statement, under a savepoint so an exclusion refusal can still answer with options */
async function insertExam(db: ScopedClient, ctx: CallContext | null, req: ExamBookingRequest, p: Placing, options: () => Promise<BookingOption[]>): Promise<number> {
  const status = req.status ?? 'booked';
  const actor = ctx?.actor ?? null;
  await db.query('SAVEPOINT exam_insert');
  try {
    const { rows } = await db.query({
      name: 'scheduling.exam-insert',
      text: `WITH a AS (
           INSERT INTO appointment (institution_id, department_id, resource_id, session_id, practitioner_id, patient_id, kind, exam_item_id,
             order_ref, seq, starts_at, ends_at, channel, status, hold_expires_at, idem_owner, idem_key, booked_by, booked_by_client,
             referred_by_institution_id, note)
           VALUES ($1, $2, $3, $4, $5, $6, 'exam', $7, $8, $9, $10, $11, $12, $13,
             CASE WHEN $13 = 'held' THEN now() + make_interval(mins => $14) END, $15, $16, $17, $18, $19, $20)
           RETURNING id),
         items AS (
           INSERT INTO exam_appointment_item (appointment_id, exam_item_id, position)
           SELECT a.id, x.item, x.pos FROM a, unnest($21::bigint[]) WITH ORDINALITY AS x(item, pos))
         SELECT id FROM a`,
      values: [p.session.institutionId, p.session.departmentId, p.session.resourceId, p.session.id, p.session.practitionerId, req.patientId,
        p.itemIds[0], req.orderRef ?? null, p.seq, new Date(p.start), new Date(p.end), req.channel, status, p.holdMinutes,
        req.idempotencyKey ? p.idemOwner : null, req.idempotencyKey ?? null, actor?.accountId ?? null, actor?.clientId ?? null,
        req.channel === 'referral' && actor && actor.institutionId !== p.session.institutionId ? actor.institutionId : null,
        req.note ?? null, p.itemIds],
    });
    await db.query('RELEASE SAVEPOINT exam_insert');
    return Number(rows[0].id);
  } catch (err) {
    if (!TIME_TAKEN_ERRORS.has((err as { code?: string }).code ?? '')) throw err;
    await db.query('ROLLBACK TO SAVEPOINT exam_insert');
    throw conflict('time_taken', 'scheduling.exam_time_taken', { options: await options() });
  }
}

/** a rule or limit refusal, in the caller's language, with the rule itself for programs */
export function blockedError(reason: BlockReason, options: BookingOption[]): AppError {
  switch (reason.kind) {
    case 'rule':
      return new AppError(409, 'exam_rule_blocked', 'scheduling.exam_rule_blocked', { rule: reason.description }, [],
        { rule: { id: reason.ruleId, kind: reason.ruleKind, description: reason.description }, options });
    case 'limit':
      return new AppError(409, reason.code, `scheduling.${reason.code}`, { limit: reason.limit }, [], { options });
    case 'patient_busy':
      return conflict('patient_busy', 'scheduling.exam_patient_busy', { options });
    default:
      return conflict('exam_no_time', 'scheduling.exam_no_time', { options });
  }
}

