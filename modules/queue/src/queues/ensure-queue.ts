import type { Queryable } from '@kangyun/kernel';
import type { Grouping } from '../rules/queue-rule.js';

export interface QueueRow {
  id: number;
  institutionId: number;
  departmentId: number;
  serviceDate: string;
  queueKey: string;
  kind: 'clinic' | 'exam';
  name: string;
  sessionId: number | null;
  resourceId: number | null;
  practitionerId: number | null;
  rooms: string[];
  numbering: 'seq' | 'counter';
}

export const QUEUE_COLUMNS = `q.id, q.institution_id AS "institutionId", q.department_id AS "departmentId",
  to_char(q.service_date, 'YYYY-MM-DD') AS "serviceDate", q.queue_key AS "queueKey", q.kind, q.name,
  q.session_id AS "sessionId", q.resource_id AS "resourceId", q.practitioner_id AS "practitionerId", q.rooms, q.numbering`;

const LEVEL_LABEL: Record<string, string> = { general: '普通门诊', expert: '专家门诊', special: '特需门诊' };
const MODALITY_LABEL: Record<string, string> = { US: '超声', DR: 'DR 摄片', CT: 'CT', MRI: '磁共振', ECG: '心电图', ENDO: '内镜' };

/** the grouping in force: the rule's, or by kind (a clinic session; an exam room for the day) */
export function groupingFor(kind: 'clinic' | 'exam', ruleGrouping: Grouping | null): Grouping {
  return ruleGrouping ?? (kind === 'clinic' ? 'session' : 'resource_day');
}

/**
 * The queue a session's patients join on its day, made on first need. One queue per
 * - 'session': a doctor's clinic session; tickets are the booking numbers (号序);
 * - 'resource_day': an exam room or device for the day (morning and afternoon together);
 * - 'shared_day': every room of the department with the same modality or clinic level, served
 *   by whoever calls next from any of them (e.g. two ultrasound rooms, or a pooled 普通门诊).
 * Locks the queue row (FOR UPDATE) when `lock`: check-ins of one queue then take their numbers
 * and places one after the other.
 */
export async function ensureQueueForSession(db: Queryable, sessionId: number, grouping: Grouping, lock: boolean): Promise<QueueRow> {
  const { rows: ss } = await db.query({
    name: 'queue.session-facts',
    text: `SELECT s.id, s.institution_id, s.department_id, to_char(s.service_date, 'YYYY-MM-DD') AS service_date, r.kind, r.name,
             s.resource_id, COALESCE(s.practitioner_id, r.practitioner_id) AS practitioner_id, COALESCE(s.room, r.room) AS room,
             r.modality, COALESCE(s.clinic_level, r.clinic_level) AS level, d.name AS department_name
           FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id JOIN org_unit d ON d.id = s.department_id
           WHERE s.id = $1`,
    values: [sessionId],
  });
  const s = ss[0];
  if (!s) throw new Error(`session ${sessionId} not found`);
  let key: string;
  let name: string = s.name;
  let rooms: string[] = s.room ? [s.room] : [];
  let practitionerId: number | null = s.practitioner_id;
  let resourceId: number | null = s.resource_id;
  let queueSessionId: number | null = s.id;
  if (grouping === 'session') {
    key = `s:${s.id}`;
  } else if (grouping === 'resource_day') {
    key = `r:${s.resource_id}`;
    queueSessionId = null;
  } else {
    const group = s.kind === 'exam' ? s.modality : s.level;
    key = `g:${s.department_id}:${s.kind}:${group}`;
    name = `${s.department_name} ${(s.kind === 'exam' ? MODALITY_LABEL[group] : LEVEL_LABEL[group]) ?? group}`;
    const { rows } = await db.query(
      `SELECT COALESCE(array_agg(DISTINCT COALESCE(s.room, r.room)) FILTER (WHERE COALESCE(s.room, r.room) IS NOT NULL), '{}') AS rooms
       FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id
       WHERE s.department_id = $1 AND s.service_date = $2 AND r.kind = $3 AND s.status = 'open'
         AND (CASE WHEN r.kind = 'exam' THEN r.modality ELSE COALESCE(s.clinic_level, r.clinic_level) END) = $4`,
      [s.department_id, s.service_date, s.kind, group]);
    rooms = rows[0].rooms;
    practitionerId = null;
    resourceId = null;
    queueSessionId = null;
  }
  const numbering = grouping === 'session' ? 'seq' : 'counter';
  await db.query({
    name: 'queue.ensure',
    text: `INSERT INTO queue (institution_id, department_id, service_date, queue_key, kind, name, session_id, resource_id, practitioner_id, rooms, numbering, next_ticket)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (institution_id, service_date, queue_key) DO NOTHING`,
    values: [s.institution_id, s.department_id, s.service_date, key, s.kind, name, queueSessionId, resourceId, practitionerId, rooms, numbering, numbering === 'seq' ? 1001 : 1],
  });
  const { rows } = await db.query({
    name: lock ? 'queue.by-key.lock' : 'queue.by-key',
    text: `SELECT ${QUEUE_COLUMNS} FROM queue q WHERE q.institution_id = $1 AND q.service_date = $2 AND q.queue_key = $3 ${lock ? 'FOR UPDATE' : ''}`,
    values: [s.institution_id, s.service_date, key],
  });
  return rows[0] as QueueRow;
}

export async function readQueue(db: Queryable, queueId: number, lock = false): Promise<QueueRow | null> {
  const { rows } = await db.query({
    name: lock ? 'queue.read.lock' : 'queue.read',
    text: `SELECT ${QUEUE_COLUMNS} FROM queue q WHERE q.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    values: [queueId],
  });
  return (rows[0] as QueueRow | undefined) ?? null;
}
