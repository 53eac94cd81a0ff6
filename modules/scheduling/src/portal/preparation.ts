import type { Queryable } from '@kangyun/kernel';

/** what a patient must do before an exam (空腹, 憋尿, 肠道准备 …), per exam item of the appointment */
export interface Preparation {
  item: string;
  text: string;
  fasting: boolean;
}

/**
 * Preparation instructions of exam appointments, from the exam item catalogue (exam_item, with the
 * items of an appointment in exam_appointment_item; appointment.exam_item_id when it lists none).
 * Clinic appointments have none. Written against the catalogue's columns only; a database without
 * the catalogue yields none instead of failing the patient's page.
 */
export async function preparationsOf(db: Queryable, appointmentIds: number[]): Promise<Map<number, Preparation[]>> {
  const out = new Map<number, Preparation[]>();
  if (!appointmentIds.length) return out;
  const { rows: present } = await db.query(`SELECT to_regclass('public.exam_item') IS NOT NULL AND to_regclass('public.exam_appointment_item') IS NOT NULL AS ok`);
  if (!present[0].ok) return out;
  const { rows } = await db.query<{ appointmentId: number; item: string; text: string; fasting: boolean }>(
    `SELECT a.id AS "appointmentId", e.name AS item, e.preparation AS text, e.fasting
     FROM appointment a
     JOIN LATERAL (
       SELECT x.exam_item_id AS item_id, x.position FROM exam_appointment_item x WHERE x.appointment_id = a.id
       UNION ALL
       SELECT a.exam_item_id, 0 WHERE a.exam_item_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM exam_appointment_item y WHERE y.appointment_id = a.id)
     ) items ON true
     JOIN exam_item e ON e.id = items.item_id
     WHERE a.id = ANY($1::bigint[]) AND a.kind = 'exam'
     ORDER BY a.id, items.position`, [appointmentIds]);
  for (const r of rows) {
    const list = out.get(Number(r.appointmentId)) ?? [];
    list.push({ item: r.item, text: r.text, fasting: r.fasting });
    out.set(Number(r.appointmentId), list);
  }
  return out;
}
