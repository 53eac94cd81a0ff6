import { conflict, fieldError, invalid, notFound, type CallContext, type FieldError, type Kernel, type Queryable, type ScopedClient } from '@kangyun/kernel';
import type { Modality } from '../constants.js';
import type { PlanRule } from './constraints.js';
import { SINGLE_SIDED, type ExamFlag, type ExamRule, type ExamRuleKind, type PatientClass, type Selector } from './types.js';

/** one side of a rule as the API takes it: exactly one of the three */
export interface SelectorInput {
  itemId?: number | null;
  modality?: Modality | null;
  flag?: ExamFlag | null;
}

export interface ExamRuleInput {
  kind: ExamRuleKind;
  a: SelectorInput;
  b?: SelectorInput | null;
  sameDay?: boolean;
  minGapMinutes?: number;
  patientClass?: PatientClass | null;
  timeFrom?: string | null;
  timeTo?: string | null;
  description: string;
  active?: boolean;
}

const RULE_SELECT = `
  r.id, r.institution_id AS "institutionId", r.kind, r.a_item_id, r.a_modality, r.a_flag, r.b_item_id, r.b_modality, r.b_flag,
  r.same_day AS "sameDay", r.min_gap_minutes AS "minGapMinutes", r.patient_class AS "patientClass",
  to_char(r.time_from, 'HH24:MI') AS "timeFrom", to_char(r.time_to, 'HH24:MI') AS "timeTo", r.description, r.active, r.version,
  r.updated_at AS "updatedAt"`;

function selector(item: unknown, modality: unknown, flag: unknown): Selector | null {
  if (item !== null && item !== undefined) return { itemId: Number(item) };
  if (modality) return { modality: modality as Modality };
  if (flag) return { flag: flag as ExamFlag };
  return null;
}

function toRule(row: Record<string, unknown>): ExamRule {
  return {
    id: Number(row.id), institutionId: Number(row.institutionId), kind: row.kind as ExamRuleKind,
    a: selector(row.a_item_id, row.a_modality, row.a_flag)!, b: selector(row.b_item_id, row.b_modality, row.b_flag),
    sameDay: row.sameDay as boolean, minGapMinutes: row.minGapMinutes as number, patientClass: row.patientClass as PatientClass | null,
    timeFrom: row.timeFrom as string | null, timeTo: row.timeTo as string | null, description: row.description as string,
    active: row.active as boolean, version: row.version as number, updatedAt: (row.updatedAt as Date).toISOString(),
  };
}

export async function listExamRules(db: Queryable | ScopedClient, institutionId: number, includeInactive = true): Promise<ExamRule[]> {
  const { rows } = await db.query(`SELECT ${RULE_SELECT} FROM exam_rule r WHERE r.institution_id = $1 AND ($2 OR r.active) ORDER BY r.kind, r.id`, [institutionId, includeInactive]);
  return rows.map(toRule);
}

/** the active rules in the form the planner takes */
export async function loadPlanRules(db: Queryable | ScopedClient, institutionId: number): Promise<PlanRule[]> {
  return (await listExamRules(db, institutionId, false)).map((r) => ({
    id: r.id, kind: r.kind, a: r.a, b: r.b, sameDay: r.sameDay, minGapMinutes: r.minGapMinutes,
    patientClass: r.patientClass, timeFrom: r.timeFrom, timeTo: r.timeTo, description: r.description,
  }));
}

/** item ids a rule side names (to load them for matching) */
export function ruleItemIds(rules: readonly PlanRule[]): number[] {
  return rules.flatMap((r) => [r.a, r.b]).flatMap((s) => (s && 'itemId' in s ? [s.itemId] : []));
}

/** checks what the database constraints would refuse, naming each field for the rules editor */
async function checkRule(db: ScopedClient, institutionId: number, input: ExamRuleInput): Promise<void> {
  const errors: FieldError[] = [];
  const side = async (name: 'a' | 'b', s: SelectorInput | null | undefined) => {
    const set = [s?.itemId, s?.modality, s?.flag].filter((v) => v !== null && v !== undefined);
    if (set.length !== 1) { errors.push(fieldError(name, 'side', 'scheduling.exam_rule_side')); return; }
    if (s?.itemId) {
      const { rows } = await db.query('SELECT 1 FROM exam_item WHERE id = $1 AND institution_id = $2', [s.itemId, institutionId]);
      if (!rows[0]) errors.push(fieldError(`${name}.itemId`, 'unknown', 'scheduling.exam_item_unknown'));
    }
  };
  await side('a', input.a);
  const single = SINGLE_SIDED.includes(input.kind);
  const hasB = input.b && [input.b.itemId, input.b.modality, input.b.flag].some((v) => v !== null && v !== undefined);
  if (single && hasB) errors.push(fieldError('b', 'not_allowed', 'scheduling.exam_rule_no_side_b'));
  if (!single) await side('b', input.b);
  if (input.kind === 'priority') {
    if (!input.patientClass) errors.push(fieldError('patientClass', 'required', 'scheduling.exam_rule_priority'));
    if (!input.timeFrom) errors.push(fieldError('timeFrom', 'required', 'scheduling.exam_rule_priority'));
    if (!input.timeTo) errors.push(fieldError('timeTo', 'required', 'scheduling.exam_rule_priority'));
    if (input.timeFrom && input.timeTo && input.timeTo <= input.timeFrom) errors.push(fieldError('timeTo', 'before_start', 'scheduling.exam_rule_time_order'));
  }
  if (input.kind === 'min_interval' && !(input.minGapMinutes && input.minGapMinutes > 0)) errors.push(fieldError('minGapMinutes', 'required', 'scheduling.exam_rule_gap'));
  if (errors.length) throw invalid(errors);
}

function values(input: ExamRuleInput): unknown[] {
  const single = SINGLE_SIDED.includes(input.kind);
  const b = single ? null : input.b;
  const priority = input.kind === 'priority';
  return [input.kind, input.a.itemId ?? null, input.a.modality ?? null, input.a.flag ?? null, b?.itemId ?? null, b?.modality ?? null, b?.flag ?? null,
    input.kind === 'order' ? (input.sameDay ?? false) : false, input.minGapMinutes ?? 0,
    priority ? input.patientClass : null, priority ? input.timeFrom : null, priority ? input.timeTo : null,
    input.description.trim(), input.active ?? true];
}

async function readRule(db: ScopedClient, institutionId: number, id: number): Promise<ExamRule> {
  const { rows } = await db.query(`SELECT ${RULE_SELECT} FROM exam_rule r WHERE r.id = $1 AND r.institution_id = $2`, [id, institutionId]);
  if (!rows[0]) throw notFound('scheduling.exam_rule_unknown');
  return toRule(rows[0]);
}

export async function createExamRule(kernel: Kernel, ctx: CallContext, db: ScopedClient, input: ExamRuleInput): Promise<ExamRule> {
  const institutionId = ctx.actor.institutionId;
  await checkRule(db, institutionId, input);
  const { rows } = await db.query(
    `INSERT INTO exam_rule (kind, a_item_id, a_modality, a_flag, b_item_id, b_modality, b_flag, same_day, min_gap_minutes,
       patient_class, time_from, time_to, description, active, institution_id, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [...values(input), institutionId, ctx.actor.accountId]);
  await kernel.audit(db, ctx, { action: 'exam_rule.create', entityType: 'ExamRule', entityId: rows[0].id, detail: { kind: input.kind, description: input.description } });
  return readRule(db, institutionId, rows[0].id);
}

export async function updateExamRule(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number, input: ExamRuleInput & { version?: number }): Promise<ExamRule> {
  const institutionId = ctx.actor.institutionId;
  const { rows } = await db.query('SELECT version FROM exam_rule WHERE id = $1 AND institution_id = $2 FOR UPDATE', [id, institutionId]);
  if (!rows[0]) throw notFound('scheduling.exam_rule_unknown');
  if (input.version !== undefined && input.version !== rows[0].version) throw conflict('version_conflict', 'error.version_conflict');
  await checkRule(db, institutionId, input);
  await db.query(
    `UPDATE exam_rule SET kind = $1, a_item_id = $2, a_modality = $3, a_flag = $4, b_item_id = $5, b_modality = $6, b_flag = $7,
       same_day = $8, min_gap_minutes = $9, patient_class = $10, time_from = $11, time_to = $12, description = $13, active = $14,
       updated_by = $17, version = version + 1, updated_at = now()
     WHERE id = $15 AND institution_id = $16`,
    [...values(input), id, institutionId, ctx.actor.accountId]);
  await kernel.audit(db, ctx, { action: 'exam_rule.update', entityType: 'ExamRule', entityId: id, detail: { kind: input.kind, description: input.description } });
  return readRule(db, institutionId, id);
}

export async function deleteExamRule(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number): Promise<void> {
  const { rows } = await db.query('DELETE FROM exam_rule WHERE id = $1 AND institution_id = $2 RETURNING kind, description', [id, ctx.actor.institutionId]);
  if (!rows[0]) throw notFound('scheduling.exam_rule_unknown');
  await kernel.audit(db, ctx, { action: 'exam_rule.delete', entityType: 'ExamRule', entityId: id, detail: rows[0] });
}
