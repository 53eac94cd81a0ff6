import type { Queryable, ScopedClient } from '@kangyun/kernel';
import { APPOINTMENT_VIEW_JOINS, APPOINTMENT_VIEW_SELECT, toView } from '../booking/appointment-view.js';
import type { AppointmentView } from '../booking/types.js';

/** an exam item as a booking shows it: enough for the slip and the preparation instructions */
export interface ExamItemBrief {
  id: number;
  code: string;
  name: string;
  modality: string;
  durationMinutes: number;
  preparation: string;
  fasting: boolean;
  contrast: boolean;
}

export interface ExamAppointmentView extends AppointmentView {
  examItems: ExamItemBrief[];
  orderRef: string | null;
}

/** the items of appointment `a` in visit order; older rows without item rows fall back to exam_item_id */
const ITEMS_SELECT = `
  (SELECT COALESCE(json_agg(json_build_object('id', e.id, 'code', e.code, 'name', e.name, 'modality', e.modality,
      'durationMinutes', e.duration_minutes, 'preparation', e.preparation, 'fasting', e.fasting, 'contrast', e.contrast) ORDER BY x.pos), '[]')
   FROM (SELECT ai.exam_item_id AS item, ai.position AS pos FROM exam_appointment_item ai WHERE ai.appointment_id = a.id
         UNION ALL
         SELECT a.exam_item_id, 1 WHERE a.exam_item_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM exam_appointment_item ai WHERE ai.appointment_id = a.id)) x
   JOIN exam_item e ON e.id = x.item) AS "examItems"`;

function toExamView(row: Record<string, unknown>): ExamAppointmentView {
  const { examItems, orderRef, ...rest } = row;
  return { ...toView(rest), examItems: (examItems as ExamItemBrief[]).map((i) => ({ ...i, id: Number(i.id) })), orderRef: (orderRef as string | null) ?? null };
}

export async function readExamAppointment(db: ScopedClient | Queryable, id: number): Promise<ExamAppointmentView | null> {
  const { rows } = await db.query({
    name: 'scheduling.read-exam-appointment',
    text: `SELECT ${APPOINTMENT_VIEW_SELECT}, a.order_ref AS "orderRef", ${ITEMS_SELECT}
           FROM appointment a ${APPOINTMENT_VIEW_JOINS} WHERE a.id = $1 AND a.kind = 'exam'`,
    values: [id],
  });
  return rows[0] ? toExamView(rows[0]) : null;
}

/** a patient's exam appointments from a date on, in time order (the booking page shows what is already booked) */
export async function listPatientExams(db: ScopedClient, patientId: number, fromDate: string, limit = 50): Promise<ExamAppointmentView[]> {
  const { rows } = await db.query(
    `SELECT ${APPOINTMENT_VIEW_SELECT}, a.order_ref AS "orderRef", ${ITEMS_SELECT}
     FROM appointment a ${APPOINTMENT_VIEW_JOINS}
     WHERE a.patient_id = $1 AND a.kind = 'exam' AND s.service_date >= $2::date
     ORDER BY a.starts_at, a.id LIMIT $3`, [patientId, fromDate, limit]);
  return rows.map(toExamView);
}
