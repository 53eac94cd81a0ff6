import type { Queryable } from '@kangyun/kernel';
import { EFFECTIVE_RULE_SELECT, effectiveRuleJoins, ruleFromRow } from '../rules/booking-rule.js';
import { listPatientAppointments, readAppointment } from '../booking/read.js';
import type { AppointmentView } from '../booking/types.js';
import { preparationsOf, type Preparation } from './preparation.js';

/** an appointment as its patient sees it on the phone */
export interface PortalAppointment extends AppointmentView {
  /** the patient may still cancel or reschedule it themselves (before the cancellation deadline) */
  changeable: boolean;
  /** until when (the deadline of the institution's rule); null once it is no longer booked */
  changeableUntil: string | null;
  /** the pages of the day: check in (签到) and the live queue (排队进度) */
  checkinPath: string;
  queuePath: string;
  /** exam preparation (检查前准备); empty for clinic visits */
  preparation: Preparation[];
}

/** adds what the phone pages need: the patient's own deadline, the day's links, exam preparation */
export async function decorate(db: Queryable, views: AppointmentView[], now = new Date()): Promise<PortalAppointment[]> {
  if (!views.length) return [];
  const ids = views.map((v) => v.id);
  const { rows } = await db.query(
    `SELECT a.id, ${EFFECTIVE_RULE_SELECT} FROM appointment a ${effectiveRuleJoins('a.institution_id', 'a.department_id')} WHERE a.id = ANY($1::bigint[])`, [ids]);
  const deadline = new Map(rows.map((r) => [Number(r.id), ruleFromRow(r).cancelDeadlineMinutes]));
  const prep = await preparationsOf(db, ids);
  return views.map((v) => {
    const live = v.status === 'booked' || v.status === 'held';
    const until = live ? new Date(new Date(v.startsAt).getTime() - (deadline.get(v.id) ?? 0) * 60_000) : null;
    return {
      ...v,
      changeable: until !== null && (v.status === 'held' || now < until),
      changeableUntil: until ? until.toISOString() : null,
      checkinPath: `/m/checkin/${v.id}`,
      queuePath: `/m/queue/${v.id}`,
      preparation: prep.get(v.id) ?? [],
    };
  });
}

/**
 * Read on the platform connection, across institutions; callers pass only the signed-in patient's
 * own id (or an appointment they checked is theirs).
 */
export async function readOwn(db: Queryable, id: number): Promise<PortalAppointment> {
  return (await decorate(db, [(await readAppointment(db, id))!]))[0];
}

export async function listOwn(db: Queryable, patientId: number, limit = 100): Promise<PortalAppointment[]> {
  return decorate(db, await listPatientAppointments(db, patientId, limit));
}
