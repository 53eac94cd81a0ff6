import type { Queryable } from '@kangyun/kernel';
import type { PriorityGroup } from '../constants.js';

export type Grouping = 'session' | 'resource_day' | 'shared_day';
export type Placement = 'front' | 'after_n' | 'end';

/**
 * 排队规则: an institution-wide row with department rows overriding it field by field; a field
 * nobody set falls back to DEFAULT_QUEUE_RULE.
 */
export interface QueueRule {
  /** null: by kind — a clinic session per queue, an exam room/device per day */
  grouping: Grouping | null;
  checkinBeforeMinutes: number;
  checkinAfterMinutes: number;
  lateGraceMinutes: number;
  latePolicy: 'after_n' | 'end';
  lateAfterN: number;
  missedAfterCalls: number;
  skipRequeueAfterN: number;
  missedRejoinPolicy: 'after_n' | 'end';
  missedRejoinAfterN: number;
  returnPolicy: Placement;
  returnAfterN: number;
  transferAfterN: number;
  requeueAfterN: number;
  priorityGroups: PriorityGroup[];
  elderlyAge: number;
}

export const DEFAULT_QUEUE_RULE: QueueRule = {
  grouping: null,
  checkinBeforeMinutes: 60,
  checkinAfterMinutes: 120,
  lateGraceMinutes: 15,
  latePolicy: 'after_n',
  lateAfterN: 3,
  missedAfterCalls: 3,
  skipRequeueAfterN: 2,
  missedRejoinPolicy: 'after_n',
  missedRejoinAfterN: 3,
  returnPolicy: 'after_n',
  returnAfterN: 1,
  transferAfterN: 0,
  requeueAfterN: 1,
  priorityGroups: ['emergency', 'military', 'disabled', 'elderly'],
  elderlyAge: 70,
};

/** field → column; the SQL below, the editor route and its validation share it */
export const QUEUE_RULE_COLUMNS: [keyof QueueRule, string][] = [
  ['grouping', 'grouping'],
  ['checkinBeforeMinutes', 'checkin_before_minutes'],
  ['checkinAfterMinutes', 'checkin_after_minutes'],
  ['lateGraceMinutes', 'late_grace_minutes'],
  ['latePolicy', 'late_policy'],
  ['lateAfterN', 'late_after_n'],
  ['missedAfterCalls', 'missed_after_calls'],
  ['skipRequeueAfterN', 'skip_requeue_after_n'],
  ['missedRejoinPolicy', 'missed_rejoin_policy'],
  ['missedRejoinAfterN', 'missed_rejoin_after_n'],
  ['returnPolicy', 'return_policy'],
  ['returnAfterN', 'return_after_n'],
  ['transferAfterN', 'transfer_after_n'],
  ['requeueAfterN', 'requeue_after_n'],
  ['priorityGroups', 'priority_groups'],
  ['elderlyAge', 'elderly_age'],
];

export type QueueRuleRow = { [K in keyof QueueRule]: QueueRule[K] | null };

const SELECT_ROW = QUEUE_RULE_COLUMNS.map(([field, col]) => `${col} AS "${field}"`).join(', ');

/** the stored row of an institution (departmentId null) or a department, or null */
export async function readRuleRow(db: Queryable, institutionId: number, departmentId: number | null): Promise<(QueueRuleRow & { updatedAt: string }) | null> {
  const { rows } = await db.query(
    `SELECT ${SELECT_ROW}, updated_at AS "updatedAt" FROM queue_rule WHERE institution_id = $1 AND department_id IS NOT DISTINCT FROM $2`,
    [institutionId, departmentId]);
  return rows[0] ?? null;
}

/** the rule in force for a department: its own row, then the institution's, then the defaults */
export async function effectiveRule(db: Queryable, institutionId: number, departmentId: number | null): Promise<QueueRule> {
  const { rows } = await db.query(
    `SELECT ${QUEUE_RULE_COLUMNS.map(([field, col]) => `COALESCE(rd.${col}, ri.${col}) AS "${field}"`).join(', ')}
     FROM (SELECT 1) one
     LEFT JOIN queue_rule ri ON ri.institution_id = $1 AND ri.department_id IS NULL
     LEFT JOIN queue_rule rd ON rd.institution_id = $1 AND rd.department_id = $2`,
    [institutionId, departmentId]);
  return mergeRule(rows[0] ?? {});
}

export function mergeRule(row: Partial<QueueRuleRow>): QueueRule {
  const rule = { ...DEFAULT_QUEUE_RULE };
  for (const [field] of QUEUE_RULE_COLUMNS) {
    const value = row[field];
    if (value !== null && value !== undefined) (rule as Record<string, unknown>)[field] = value;
  }
  return rule;
}

/**
 * After the priority groups changed: today's patients still in the queue take their band from the
 * new order (a group no longer enabled is served as everyone else).
 */
export async function rerankToday(db: Queryable, institutionId: number, departmentId: number | null): Promise<number[]> {
  const { rows: depts } = await db.query(
    `SELECT DISTINCT department_id FROM queue_entry
     WHERE institution_id = $1 AND ($2::bigint IS NULL OR department_id = $2) AND status IN ('waiting', 'called', 'on_hold', 'missed')
       AND service_date = (now() AT TIME ZONE 'Asia/Shanghai')::date AND priority IS NOT NULL`, [institutionId, departmentId]);
  const queues = new Set<number>();
  for (const { department_id: dept } of depts) {
    const rule = await effectiveRule(db, institutionId, dept);
    const { rows } = await db.query(
      `UPDATE queue_entry SET priority_rank = COALESCE(array_position($3::text[], priority) - 1, 100), updated_at = now()
       WHERE institution_id = $1 AND department_id = $2 AND priority IS NOT NULL AND status IN ('waiting', 'called', 'on_hold', 'missed')
         AND service_date = (now() AT TIME ZONE 'Asia/Shanghai')::date
         AND priority_rank <> COALESCE(array_position($3::text[], priority) - 1, 100)
       RETURNING queue_id`, [institutionId, dept, rule.priorityGroups]);
    for (const r of rows) queues.add(r.queue_id);
  }
  return [...queues];
}
