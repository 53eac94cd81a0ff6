import { conflict, fieldError, forbidden, invalid, notFound, type CallContext, type FieldError, type Queryable } from '@kangyun/kernel';

/** 节假日 (sessions skipped) and 调休 (a weekend day worked as `worksAs`'s weekday) */
export interface HolidayInput {
  day: string;
  kind: 'holiday' | 'workday';
  worksAs?: number | null;
  name: string;
}

export interface HolidayView extends HolidayInput {
  id: number;
  worksAs: number | null;
  regionWide: boolean;
  /** whether the caller may change it (region-wide days need region-level staff) */
  editable: boolean;
}

export interface CalendarDay {
  kind: 'holiday' | 'workday';
  worksAs: number | null;
  name: string;
}

function mayEditRegion(ctx: CallContext): boolean {
  return ctx.actor.scope === 'region';
}

/** the calendar an institution sees: its region's days plus its own (its own win on the same date) */
export async function listHolidays(db: Queryable, ctx: CallContext, q: { from: string; to: string }): Promise<HolidayView[]> {
  const { rows } = await db.query(
    `SELECT id, day, kind, works_as AS "worksAs", name, institution_id IS NULL AS "regionWide"
     FROM sched_holiday WHERE region_id = $1 AND (institution_id IS NULL OR institution_id = $2) AND day BETWEEN $3 AND $4
     ORDER BY day, institution_id NULLS FIRST`, [ctx.actor.regionId, ctx.actor.institutionId, q.from, q.to]);
  return rows.map((r) => ({ ...r, editable: r.regionWide ? mayEditRegion(ctx) : true })) as HolidayView[];
}

/** day → effective calendar entry for an institution over a range (used when generating) */
export async function loadCalendar(db: Queryable, institutionId: number, from: string, to: string): Promise<Map<string, CalendarDay>> {
  const { rows } = await db.query(
    `SELECT DISTINCT ON (h.day) h.day, h.kind, h.works_as AS "worksAs", h.name
     FROM sched_holiday h JOIN org_unit i ON i.id = $1
     WHERE h.region_id = i.region_id AND (h.institution_id IS NULL OR h.institution_id = i.id) AND h.day BETWEEN $2 AND $3
     ORDER BY h.day, h.institution_id NULLS LAST`, [institutionId, from, to]);
  return new Map(rows.map((r) => [r.day as string, { kind: r.kind, worksAs: r.worksAs, name: r.name }]));
}

function check(input: HolidayInput, prefix = ''): FieldError[] {
  if (input.kind === 'workday' && !input.worksAs) return [fieldError(`${prefix}worksAs`, 'required', 'scheduling.works_as_required')];
  return [];
}

function scopeOf(ctx: CallContext, regionWide: boolean | undefined): number | null {
  if (regionWide && !mayEditRegion(ctx)) throw forbidden('scheduling.region_calendar_forbidden');
  return regionWide ? null : ctx.actor.institutionId;
}

async function guardUnique<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw conflict('holiday_exists', 'scheduling.holiday_exists');
    throw err;
  }
}

export async function createHoliday(db: Queryable, ctx: CallContext, input: HolidayInput & { regionWide?: boolean }): Promise<number> {
  const errors = check(input);
  if (errors.length) throw invalid(errors);
  const institutionId = scopeOf(ctx, input.regionWide);
  return guardUnique(async () => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO sched_holiday (region_id, institution_id, day, kind, works_as, name, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [ctx.actor.regionId, institutionId, input.day, input.kind, input.kind === 'workday' ? input.worksAs : null, input.name.trim(), ctx.actor.accountId]);
    return rows[0].id;
  });
}

async function ownRow(db: Queryable, ctx: CallContext, id: number): Promise<void> {
  const { rows } = await db.query('SELECT region_id, institution_id FROM sched_holiday WHERE id = $1 FOR UPDATE', [id]);
  const r = rows[0];
  if (!r || Number(r.region_id) !== ctx.actor.regionId || (r.institution_id !== null && Number(r.institution_id) !== ctx.actor.institutionId)) {
    throw notFound('scheduling.holiday_unknown');
  }
  if (r.institution_id === null && !mayEditRegion(ctx)) throw forbidden('scheduling.region_calendar_forbidden');
}

export async function updateHoliday(db: Queryable, ctx: CallContext, id: number, input: HolidayInput): Promise<void> {
  await ownRow(db, ctx, id);
  const errors = check(input);
  if (errors.length) throw invalid(errors);
  await guardUnique(() => db.query(
    `UPDATE sched_holiday SET day = $2, kind = $3, works_as = $4, name = $5, updated_by = $6, updated_at = now() WHERE id = $1`,
    [id, input.day, input.kind, input.kind === 'workday' ? input.worksAs : null, input.name.trim(), ctx.actor.accountId]));
}

export async function deleteHoliday(db: Queryable, ctx: CallContext, id: number): Promise<void> {
  await ownRow(db, ctx, id);
  await db.query('DELETE FROM sched_holiday WHERE id = $1', [id]);
}

/**
 * Imports a year's list (e.g. the State Council's notice typed in once): every entry is checked
 * first and the whole list lands in one transaction; existing dates are overwritten, and with
 * `replace` the scope's other days of that year are removed.
 */
export async function importHolidays(db: Queryable, ctx: CallContext, input: { year: number; regionWide?: boolean; replace?: boolean; days: HolidayInput[] }): Promise<{ imported: number; removed: number }> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    if (!d.day.startsWith(`${input.year}-`)) errors.push(fieldError(`days.${i}.day`, 'wrong_year', 'scheduling.holiday_wrong_year', { day: d.day, year: input.year }));
    else if (seen.has(d.day)) errors.push(fieldError(`days.${i}.day`, 'duplicate', 'scheduling.holiday_duplicate_day', { day: d.day }));
    seen.add(d.day);
    errors.push(...check(d, `days.${i}.`));
  });
  if (errors.length) throw invalid(errors);
  const institutionId = scopeOf(ctx, input.regionWide);
  let removed = 0;
  if (input.replace) {
    const del = await db.query(
      `DELETE FROM sched_holiday WHERE region_id = $1 AND institution_id IS NOT DISTINCT FROM $2 AND day BETWEEN $3 AND $4 AND NOT (day = ANY ($5::date[]))`,
      [ctx.actor.regionId, institutionId, `${input.year}-01-01`, `${input.year}-12-31`, input.days.map((d) => d.day)]);
    removed = del.rowCount ?? 0;
  }
  await db.query(
    `INSERT INTO sched_holiday (region_id, institution_id, day, kind, works_as, name, updated_by)
     SELECT $1, $2, d.day, d.kind, d.works_as, d.name, $3
     FROM unnest($4::date[], $5::text[], $6::smallint[], $7::text[]) AS d(day, kind, works_as, name)
     ON CONFLICT (region_id, institution_id, day) DO UPDATE SET kind = EXCLUDED.kind, works_as = EXCLUDED.works_as, name = EXCLUDED.name,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [ctx.actor.regionId, institutionId, ctx.actor.accountId, input.days.map((d) => d.day), input.days.map((d) => d.kind),
      input.days.map((d) => (d.kind === 'workday' ? d.worksAs ?? null : null)), input.days.map((d) => d.name.trim())]);
  return { imported: input.days.length, removed };
}
