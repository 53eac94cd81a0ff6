import { conflict, fieldError, invalid, notFound, type CallContext, type Queryable } from '@kangyun/kernel';
import type { Channel, Period } from '../constants.js';
import { checkPoolFits, cleanQuotas } from './pool-spec.js';
import { ownResource } from './scope.js';

export interface TemplateInput {
  resourceId: number;
  weekday: number;
  period: Period;
  startTime: string;
  endTime: string;
  capacity: number;
  segmentMinutes?: number;
  channelQuotas?: Partial<Record<Channel, number>>;
  reservedFollowup?: number;
  reservedReferral?: number;
  fee?: number | null;
  followSeason?: boolean;
  runsOnHolidays?: boolean;
  validFrom: string;
  validTo?: string | null;
  active?: boolean;
  note?: string | null;
  version?: number;
}

export interface TemplateView {
  id: number;
  resourceId: number;
  resourceName: string;
  resourceKind: 'clinic' | 'exam';
  clinicLevel: string | null;
  modality: string | null;
  practitionerName: string | null;
  departmentId: number;
  departmentName: string;
  weekday: number;
  period: Period;
  startTime: string;
  endTime: string;
  capacity: number;
  segmentMinutes: number;
  channelQuotas: Partial<Record<Channel, number>>;
  reservedFollowup: number;
  reservedReferral: number;
  fee: number | null;
  followSeason: boolean;
  runsOnHolidays: boolean;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  note: string | null;
  version: number;
}

const SELECT = `SELECT t.id, t.resource_id AS "resourceId", r.name AS "resourceName", r.kind AS "resourceKind", r.clinic_level AS "clinicLevel",
    r.modality, a.display_name AS "practitionerName", t.department_id AS "departmentId", d.name AS "departmentName",
    t.weekday, t.period, to_char(t.start_time, 'HH24:MI') AS "startTime", to_char(t.end_time, 'HH24:MI') AS "endTime", t.capacity,
    t.segment_minutes AS "segmentMinutes", t.channel_quotas AS "channelQuotas", t.reserved_followup AS "reservedFollowup",
    t.reserved_referral AS "reservedReferral", t.fee::float8 AS fee, t.follow_season AS "followSeason", t.runs_on_holidays AS "runsOnHolidays",
    t.valid_from AS "validFrom", t.valid_to AS "validTo", t.active, t.note, t.version
  FROM sched_template t JOIN sched_resource r ON r.id = t.resource_id JOIN org_unit d ON d.id = t.department_id
  LEFT JOIN account a ON a.id = r.practitioner_id`;

export async function listTemplates(db: Queryable, institutionId: number, q: { departmentId?: number; resourceId?: number; includeInactive?: boolean }): Promise<TemplateView[]> {
  const { rows } = await db.query(
    `${SELECT} WHERE t.institution_id = $1 AND ($2::bigint IS NULL OR t.department_id = $2) AND ($3::bigint IS NULL OR t.resource_id = $3)
       AND ($4 OR t.active)
     ORDER BY d.name, r.name, t.weekday, t.start_time, t.valid_from`, [institutionId, q.departmentId ?? null, q.resourceId ?? null, q.includeInactive ?? false]);
  return rows as TemplateView[];
}

export async function readTemplate(db: Queryable, id: number): Promise<TemplateView | null> {
  const { rows } = await db.query(`${SELECT} WHERE t.id = $1`, [id]);
  return (rows[0] as TemplateView) ?? null;
}

function validate(input: TemplateInput, numbered: boolean): void {
  if (input.endTime <= input.startTime) throw invalid([fieldError('endTime', 'before_start', 'scheduling.end_before_start')]);
  if (input.validTo && input.validTo < input.validFrom) throw invalid([fieldError('validTo', 'before_from', 'scheduling.valid_to_before_from')]);
  checkPoolFits(input, numbered);
}

function values(input: TemplateInput, numbered: boolean) {
  return [input.weekday, input.period, input.startTime, input.endTime, input.capacity, input.segmentMinutes ?? 30,
    JSON.stringify(cleanQuotas(input.channelQuotas)), numbered ? input.reservedFollowup ?? 0 : 0, numbered ? input.reservedReferral ?? 0 : 0,
    input.fee ?? null, input.followSeason ?? true, input.runsOnHolidays ?? false, input.validFrom, input.validTo ?? null, input.active ?? true,
    input.note ?? null];
}

/** the exclusion constraint keeps one plan per resource, weekday and period on any date */
async function guardOverlap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as { code?: string }).code === '23P01') throw conflict('template_overlap', 'scheduling.template_overlap');
    throw err;
  }
}

export async function createTemplate(db: Queryable, ctx: CallContext, input: TemplateInput): Promise<number> {
  const resource = await ownResource(db, ctx, input.resourceId);
  const numbered = resource.kind === 'clinic';
  validate(input, numbered);
  return guardOverlap(async () => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO sched_template (weekday, period, start_time, end_time, capacity, segment_minutes, channel_quotas, reserved_followup,
         reserved_referral, fee, follow_season, runs_on_holidays, valid_from, valid_to, active, note, institution_id, department_id, resource_id, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20) RETURNING id`,
      [...values(input, numbered), resource.institution_id, resource.department_id, resource.id, ctx.actor.accountId]);
    return rows[0].id;
  });
}

export async function updateTemplate(db: Queryable, ctx: CallContext, id: number, input: TemplateInput): Promise<void> {
  const { rows } = await db.query('SELECT institution_id, version FROM sched_template WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0] || Number(rows[0].institution_id) !== ctx.actor.institutionId) throw notFound('scheduling.template_unknown');
  if (input.version !== undefined && input.version !== rows[0].version) throw conflict('version_conflict', 'error.version_conflict');
  const resource = await ownResource(db, ctx, input.resourceId);
  const numbered = resource.kind === 'clinic';
  validate(input, numbered);
  await guardOverlap(() => db.query(
    `UPDATE sched_template SET weekday = $1, period = $2, start_time = $3, end_time = $4, capacity = $5, segment_minutes = $6, channel_quotas = $7,
       reserved_followup = $8, reserved_referral = $9, fee = $10, follow_season = $11, runs_on_holidays = $12, valid_from = $13, valid_to = $14,
       active = $15, note = $16, institution_id = $17, department_id = $18, resource_id = $19, updated_by = $20, updated_at = now(), version = version + 1
     WHERE id = $21`,
    [...values(input, numbered), resource.institution_id, resource.department_id, resource.id, ctx.actor.accountId, id]));
}

/** sessions already generated stay (they may carry bookings); only future generation changes */
export async function deleteTemplate(db: Queryable, ctx: CallContext, id: number): Promise<void> {
  const { rows } = await db.query('SELECT institution_id FROM sched_template WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0] || Number(rows[0].institution_id) !== ctx.actor.institutionId) throw notFound('scheduling.template_unknown');
  await db.query('DELETE FROM sched_template WHERE id = $1', [id]);
}
