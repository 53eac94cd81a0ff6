import { conflict, fieldError, invalid, notFound, type CallContext, type Kernel, type Queryable, type ScopedClient } from '@kangyun/kernel';
import type { Modality } from '../constants.js';
import type { ExamItem } from './types.js';

export interface ExamItemInput {
  code: string;
  name: string;
  modality: Modality;
  departmentId?: number | null;
  durationMinutes: number;
  preparation?: string;
  fasting?: boolean;
  contrast?: boolean;
  morningOnly?: boolean;
  active?: boolean;
}

export const EXAM_ITEM_SELECT = `
  i.id, i.institution_id AS "institutionId", i.code, i.name, i.modality, i.department_id AS "departmentId",
  d.name AS "departmentName", i.duration_minutes AS "durationMinutes", i.preparation, i.fasting, i.contrast,
  i.morning_only AS "morningOnly", i.active, i.version, i.updated_at AS "updatedAt"`;
const FROM = 'FROM exam_item i LEFT JOIN org_unit d ON d.id = i.department_id';

function toItem(row: Record<string, unknown>): ExamItem {
  return { ...(row as unknown as ExamItem), updatedAt: (row.updatedAt as Date).toISOString() };
}

export interface ExamItemQuery {
  modality?: Modality;
  q?: string;
  includeInactive?: boolean;
}

export async function listExamItems(db: Queryable | ScopedClient, institutionId: number, q: ExamItemQuery = {}): Promise<ExamItem[]> {
  const { rows } = await db.query(
    `SELECT ${EXAM_ITEM_SELECT} ${FROM}
     WHERE i.institution_id = $1 AND ($2::text IS NULL OR i.modality = $2) AND ($3 OR i.active)
       AND ($4::text IS NULL OR i.name LIKE '%' || $4 || '%' OR i.code ILIKE $4 || '%')
     ORDER BY i.modality, i.code`,
    [institutionId, q.modality ?? null, q.includeInactive ?? false, q.q?.trim() || null]);
  return rows.map(toItem);
}

export async function readExamItems(db: Queryable | ScopedClient, institutionId: number, ids: readonly number[]): Promise<ExamItem[]> {
  const { rows } = await db.query(`SELECT ${EXAM_ITEM_SELECT} ${FROM} WHERE i.institution_id = $1 AND i.id = ANY ($2::bigint[])`, [institutionId, ids]);
  return rows.map(toItem);
}

/** the items of a booking request, in the order given; unknown or inactive ones are named as a field error */
export async function requireActiveItems(db: Queryable | ScopedClient, institutionId: number, ids: readonly number[], field: string): Promise<ExamItem[]> {
  if (new Set(ids).size !== ids.length) throw invalid([fieldError(field, 'duplicate', 'scheduling.exam_items_duplicate')]);
  const found = new Map((await readExamItems(db, institutionId, ids)).map((i) => [i.id, i]));
  const missing = ids.findIndex((id) => !found.get(id)?.active);
  if (missing >= 0) throw invalid([fieldError(ids.length > 1 ? `${field}.${missing}` : field, 'unknown', 'scheduling.exam_item_unknown')]);
  return ids.map((id) => found.get(id)!);
}

async function checkInput(db: ScopedClient, institutionId: number, input: ExamItemInput): Promise<void> {
  const errors = [];
  if (!input.name?.trim()) errors.push(fieldError('name', 'required', 'scheduling.exam_item_name_required'));
  if (input.departmentId) {
    const { rows } = await db.query(`SELECT 1 FROM org_unit WHERE id = $1 AND kind = 'department' AND institution_id = $2`, [input.departmentId, institutionId]);
    if (!rows[0]) errors.push(fieldError('departmentId', 'unknown', 'scheduling.exam_department_unknown'));
  }
  if (errors.length) throw invalid(errors);
}

/** a duplicate code is the user's mistake on one field, not a server error */
async function uniqueCode<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: string; constraint?: string }).code === '23505') throw invalid([fieldError('code', 'exists', 'scheduling.exam_item_code_exists')]);
    throw err;
  }
}

export async function createExamItem(kernel: Kernel, ctx: CallContext, db: ScopedClient, input: ExamItemInput): Promise<ExamItem> {
  const institutionId = ctx.actor.institutionId;
  await checkInput(db, institutionId, input);
  const id = await uniqueCode(async () => (await db.query(
    `INSERT INTO exam_item (institution_id, code, name, modality, department_id, duration_minutes, preparation, fasting, contrast, morning_only, active, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [institutionId, input.code, input.name.trim(), input.modality, input.departmentId ?? null, input.durationMinutes, input.preparation?.trim() ?? '',
      input.fasting ?? false, input.contrast ?? false, input.morningOnly ?? false, input.active ?? true, ctx.actor.accountId])).rows[0].id as number);
  await kernel.audit(db, ctx, { action: 'exam_item.create', entityType: 'ExamItem', entityId: id, detail: { code: input.code, name: input.name } });
  return (await readExamItems(db, institutionId, [id]))[0];
}

export async function updateExamItem(kernel: Kernel, ctx: CallContext, db: ScopedClient, id: number, input: ExamItemInput & { version?: number }): Promise<ExamItem> {
  const institutionId = ctx.actor.institutionId;
  const { rows: current } = await db.query('SELECT version FROM exam_item WHERE id = $1 AND institution_id = $2 FOR UPDATE', [id, institutionId]);
  if (!current[0]) throw notFound();
  if (input.version !== undefined && input.version !== current[0].version) throw conflict('version_conflict', 'error.version_conflict');
  await checkInput(db, institutionId, input);
  await uniqueCode(() => db.query(
    `UPDATE exam_item SET code = $3, name = $4, modality = $5, department_id = $6, duration_minutes = $7, preparation = $8,
       fasting = $9, contrast = $10, morning_only = $11, active = $12, updated_by = $13, version = version + 1, updated_at = now()
     WHERE id = $1 AND institution_id = $2`,
    [id, institutionId, input.code, input.name.trim(), input.modality, input.departmentId ?? null, input.durationMinutes, input.preparation?.trim() ?? '',
      input.fasting ?? false, input.contrast ?? false, input.morningOnly ?? false, input.active ?? true, ctx.actor.accountId]));
  await kernel.audit(db, ctx, { action: 'exam_item.update', entityType: 'ExamItem', entityId: id, detail: { code: input.code, active: input.active ?? true } });
  return (await readExamItems(db, institutionId, [id]))[0];
}
