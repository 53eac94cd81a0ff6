import { conflict, fieldError, invalid, notFound, type CallContext, type FieldError, type Queryable } from '@kangyun/kernel';
import { inYearlyRange, monthDay } from './dates.js';

/** 时令: summer and winter hours of an institution, applied to templates that follow the season */
export interface SeasonInput {
  kind: 'summer' | 'winter';
  name: string;
  startsOn: string;
  endsOn: string;
  amStart?: string | null;
  amEnd?: string | null;
  pmStart?: string | null;
  pmEnd?: string | null;
}

export interface SeasonView extends Required<SeasonInput> {
  id: number;
}

const SELECT = `SELECT id, kind, name, starts_on AS "startsOn", ends_on AS "endsOn", to_char(am_start, 'HH24:MI') AS "amStart",
  to_char(am_end, 'HH24:MI') AS "amEnd", to_char(pm_start, 'HH24:MI') AS "pmStart", to_char(pm_end, 'HH24:MI') AS "pmEnd" FROM sched_season`;

export async function listSeasons(db: Queryable, institutionId: number): Promise<SeasonView[]> {
  const { rows } = await db.query(`${SELECT} WHERE institution_id = $1 ORDER BY kind DESC`, [institutionId]);
  return rows as SeasonView[];
}

/** the hours a template runs on a date: the season's for its period when one covers the date */
export function seasonalTimes(seasons: SeasonView[], date: string, period: string, start: string, end: string): { startTime: string; endTime: string; season: string | null } {
  const md = monthDay(date);
  const season = seasons.find((s) => inYearlyRange(md, s.startsOn, s.endsOn));
  if (!season || (period !== 'am' && period !== 'pm')) return { startTime: start, endTime: end, season: null };
  const s = (period === 'am' ? season.amStart : season.pmStart) ?? start;
  const e = (period === 'am' ? season.amEnd : season.pmEnd) ?? end;
  return e > s ? { startTime: s, endTime: e, season: season.kind } : { startTime: start, endTime: end, season: null };
}

function validate(input: SeasonInput): void {
  const errors: FieldError[] = [];
  const realDay = (md: string) => !Number.isNaN(Date.parse(`2024-${md}T00:00:00Z`)) && new Date(`2024-${md}T00:00:00Z`).toISOString().slice(5, 10) === md;
  if (!realDay(input.startsOn)) errors.push(fieldError('startsOn', 'bad_date', 'scheduling.bad_month_day'));
  if (!realDay(input.endsOn)) errors.push(fieldError('endsOn', 'bad_date', 'scheduling.bad_month_day'));
  if (input.amStart && input.amEnd && input.amEnd <= input.amStart) errors.push(fieldError('amEnd', 'before_start', 'scheduling.end_before_start'));
  if (input.pmStart && input.pmEnd && input.pmEnd <= input.pmStart) errors.push(fieldError('pmEnd', 'before_start', 'scheduling.end_before_start'));
  if (!input.name.trim()) errors.push(fieldError('name', 'required', 'scheduling.season_name_required'));
  if (errors.length) throw invalid(errors);
}

async function guardUnique<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw conflict('season_exists', 'scheduling.season_exists');
    throw err;
  }
}

const params = (i: SeasonInput) => [i.kind, i.name.trim(), i.startsOn, i.endsOn, i.amStart ?? null, i.amEnd ?? null, i.pmStart ?? null, i.pmEnd ?? null];

export async function createSeason(db: Queryable, ctx: CallContext, input: SeasonInput): Promise<number> {
  validate(input);
  return guardUnique(async () => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO sched_season (kind, name, starts_on, ends_on, am_start, am_end, pm_start, pm_end, institution_id, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, [...params(input), ctx.actor.institutionId, ctx.actor.accountId]);
    return rows[0].id;
  });
}

export async function updateSeason(db: Queryable, ctx: CallContext, id: number, input: SeasonInput): Promise<void> {
  validate(input);
  const res = await guardUnique(() => db.query(
    `UPDATE sched_season SET kind = $1, name = $2, starts_on = $3, ends_on = $4, am_start = $5, am_end = $6, pm_start = $7, pm_end = $8,
       updated_by = $10, updated_at = now() WHERE id = $11 AND institution_id = $9`, [...params(input), ctx.actor.institutionId, ctx.actor.accountId, id]));
  if (!res.rowCount) throw notFound('scheduling.season_unknown');
}

export async function deleteSeason(db: Queryable, ctx: CallContext, id: number): Promise<void> {
  const res = await db.query('DELETE FROM sched_season WHERE id = $1 AND institution_id = $2', [id, ctx.actor.institutionId]);
  if (!res.rowCount) throw notFound('scheduling.season_unknown');
}
