import { conflict, fieldError, invalid, notFound, type CallContext, type Queryable } from '@kangyun/kernel';
import { assertDepartment, assertPractitioner } from './scope.js';

export interface ResourceInput {
  departmentId: number;
  kind: 'clinic' | 'exam';
  name: string;
  practitionerId?: number | null;
  clinicLevel?: string | null;
  modality?: string | null;
  room?: string | null;
  fee?: number | null;
  active?: boolean;
}

export interface ResourceView {
  id: number;
  departmentId: number;
  departmentName: string;
  kind: 'clinic' | 'exam';
  name: string;
  practitionerId: number | null;
  practitionerName: string | null;
  practitionerTitle: string | null;
  clinicLevel: string | null;
  modality: string | null;
  room: string | null;
  fee: number | null;
  active: boolean;
  templates: number;
}

const SELECT = `SELECT r.id, r.department_id AS "departmentId", d.name AS "departmentName", r.kind, r.name,
    r.practitioner_id AS "practitionerId", a.display_name AS "practitionerName", a.title AS "practitionerTitle",
    r.clinic_level AS "clinicLevel", r.modality, r.room, r.default_fee::float8 AS fee, r.active,
    (SELECT count(*)::int FROM sched_template t WHERE t.resource_id = r.id AND t.active) AS templates
  FROM sched_resource r JOIN org_unit d ON d.id = r.department_id LEFT JOIN account a ON a.id = r.practitioner_id`;

export async function listResources(db: Queryable, institutionId: number, q: { departmentId?: number; kind?: string; active?: boolean }): Promise<ResourceView[]> {
  const { rows } = await db.query(
    `${SELECT} WHERE r.institution_id = $1 AND ($2::bigint IS NULL OR r.department_id = $2) AND ($3::text IS NULL OR r.kind = $3)
       AND ($4::boolean IS NULL OR r.active = $4)
     ORDER BY d.name, r.kind, r.name`, [institutionId, q.departmentId ?? null, q.kind ?? null, q.active ?? null]);
  return rows as ResourceView[];
}

export async function readResource(db: Queryable, id: number): Promise<ResourceView | null> {
  const { rows } = await db.query(`${SELECT} WHERE r.id = $1`, [id]);
  return (rows[0] as ResourceView) ?? null;
}

/** a clinic resource is a doctor's clinic at a level (普通/专家/特需); a medtech one a modality in a room or device */
async function validate(db: Queryable, ctx: CallContext, input: ResourceInput): Promise<void> {
  const errors = [];
  if (!input.name?.trim()) errors.push(fieldError('name', 'required', 'scheduling.resource_name_required'));
  if (input.kind === 'clinic' && !input.clinicLevel) errors.push(fieldError('clinicLevel', 'required', 'scheduling.clinic_level_required'));
  if (input.kind === 'exam' && !input.modality) errors.push(fieldError('modality', 'required', 'scheduling.modality_required'));
  if (errors.length) throw invalid(errors);
  await assertDepartment(db, ctx, input.departmentId);
  if (input.practitionerId) await assertPractitioner(db, ctx, input.practitionerId);
}

export async function createResource(db: Queryable, ctx: CallContext, input: ResourceInput): Promise<number> {
  await validate(db, ctx, input);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO sched_resource (institution_id, department_id, kind, name, practitioner_id, clinic_level, modality, room, default_fee, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [ctx.actor.institutionId, input.departmentId, input.kind, input.name.trim(), input.kind === 'clinic' ? input.practitionerId ?? null : null,
      input.kind === 'clinic' ? input.clinicLevel : null, input.kind === 'exam' ? input.modality : null, input.room ?? null,
      input.fee ?? null, input.active ?? true]);
  return rows[0].id;
}

export async function updateResource(db: Queryable, ctx: CallContext, id: number, input: ResourceInput): Promise<void> {
  const { rows } = await db.query('SELECT institution_id, kind FROM sched_resource WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0] || Number(rows[0].institution_id) !== ctx.actor.institutionId) throw notFound();
  // sessions and appointments keep the resource's kind; a clinic cannot become a CT scanner
  if (rows[0].kind !== input.kind) throw invalid([fieldError('kind', 'immutable', 'scheduling.resource_in_use')]);
  await validate(db, ctx, input);
  await db.query(
    `UPDATE sched_resource SET department_id = $2, name = $3, practitioner_id = $4, clinic_level = $5, modality = $6, room = $7, default_fee = $8,
       active = $9 WHERE id = $1`,
    [id, input.departmentId, input.name.trim(), input.kind === 'clinic' ? input.practitionerId ?? null : null,
      input.kind === 'clinic' ? input.clinicLevel : null, input.kind === 'exam' ? input.modality : null, input.room ?? null, input.fee ?? null,
      input.active ?? true]);
}

/** only a resource nothing refers to can be removed; others are deactivated */
export async function deleteResource(db: Queryable, ctx: CallContext, id: number): Promise<void> {
  const { rows } = await db.query(
    `SELECT institution_id, EXISTS (SELECT 1 FROM sched_session s WHERE s.resource_id = r.id) OR EXISTS (SELECT 1 FROM sched_template t WHERE t.resource_id = r.id) AS used
     FROM sched_resource r WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0] || Number(rows[0].institution_id) !== ctx.actor.institutionId) throw notFound();
  if (rows[0].used) throw conflict('resource_in_use', 'scheduling.resource_in_use');
  await db.query('DELETE FROM sched_resource WHERE id = $1', [id]);
}
