import { AppError, fieldError, invalid, notFound, type CallContext, type Kernel, type Queryable } from '@kangyun/kernel';
import type { Channel, Period } from '../constants.js';
import { createSession } from '../sessions/create-session.js';
import { localInstant } from '../rules/session-window.js';
import { daysBetween, eachDay, isoWeekday, localToday } from './dates.js';
import { loadCalendar, type CalendarDay } from './holidays.js';
import { listSeasons, seasonalTimes, type SeasonView } from './seasons.js';

export const MAX_GENERATION_DAYS = 92;

export interface GenerationRequest {
  from: string;
  to: string;
  departmentId?: number;
}

/** created includes movedByHoliday (sessions made on a swapped working day from another weekday's template) */
export interface GenerationCounts {
  created: number;
  skipped: number;
  movedByHoliday: number;
  skippedByHoliday: number;
}

export interface GenerationView extends GenerationCounts {
  id: number;
  from: string;
  to: string;
  departmentId: number | null;
  status: 'running' | 'done' | 'failed';
  daysTotal: number;
  daysDone: number;
  /** 0–100, for the progress bar */
  percent: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

interface TemplateRow {
  id: number;
  resource_id: number;
  weekday: number;
  period: Period;
  start_time: string;
  end_time: string;
  capacity: number;
  segment_minutes: number;
  channel_quotas: Partial<Record<Channel, number>>;
  reserved_followup: number;
  reserved_referral: number;
  fee: number | null;
  follow_season: boolean;
  runs_on_holidays: boolean;
  valid_from: string;
  valid_to: string | null;
}

export function checkRange(req: GenerationRequest, now = new Date()): void {
  if (req.to < req.from) throw invalid([fieldError('to', 'before_from', 'scheduling.to_before_from')]);
  if (req.from < localToday(now)) throw invalid([fieldError('from', 'past', 'scheduling.range_in_past')]);
  if (daysBetween(req.from, req.to) + 1 > MAX_GENERATION_DAYS) throw invalid([fieldError('to', 'too_long', 'scheduling.range_too_long', { days: MAX_GENERATION_DAYS })]);
}

/** records a run so the page can poll its progress */
export async function openGeneration(db: Queryable, ctx: CallContext, req: GenerationRequest): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO sched_generation (institution_id, department_id, date_from, date_to, days_total, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [ctx.actor.institutionId, req.departmentId ?? null, req.from, req.to, daysBetween(req.from, req.to) + 1, ctx.actor.accountId]);
  return rows[0].id;
}

/**
 * Generates the sessions of the institution's weekly templates day by day, one transaction per
 * day, so a long run shows progress and a failure keeps the days already made. It is idempotent:
 * a session that exists for the same resource, day and period is skipped and counted, whoever
 * made it (an earlier run, the demo, a temporary session). Holidays skip the day's templates
 * (unless a template runs on holidays); a swapped working day (调休) runs another weekday's
 * templates; seasons (时令) set the hours of templates that follow them.
 */
export async function runGeneration(kernel: Kernel, ctx: CallContext, jobId: number, req: GenerationRequest): Promise<GenerationCounts> {
  const counts: GenerationCounts = { created: 0, skipped: 0, movedByHoliday: 0, skippedByHoliday: 0 };
  try {
    const institutionId = ctx.actor.institutionId;
    const [templates, calendar, seasons, existing] = await Promise.all([
      loadTemplates(kernel.pool, institutionId, req),
      loadCalendar(kernel.pool, institutionId, req.from, req.to),
      listSeasons(kernel.pool, institutionId),
      existingSessions(kernel.pool, institutionId, req),
    ]);
    const days = eachDay(req.from, req.to);
    for (const [index, date] of days.entries()) {
      await kernel.scoped(ctx, async (db) => {
        await generateDay(db, ctx, date, templates, calendar.get(date), seasons, existing, counts);
        await db.query(
          `UPDATE sched_generation SET days_done = $2, created = $3, skipped = $4, moved_by_holiday = $5, skipped_by_holiday = $6, updated_at = now() WHERE id = $1`,
          [jobId, index + 1, counts.created, counts.skipped, counts.movedByHoliday, counts.skippedByHoliday]);
      });
    }
    await kernel.scoped(ctx, async (db) => {
      await db.query(`UPDATE sched_generation SET status = 'done', finished_at = now(), updated_at = now() WHERE id = $1`, [jobId]);
      await kernel.audit(db, ctx, { action: 'schedule.generate', entityType: 'Schedule', entityId: jobId, detail: { ...req, ...counts } });
    });
    return counts;
  } catch (err) {
    await kernel.pool.query(`UPDATE sched_generation SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1`,
      [jobId, err instanceof Error ? err.message.slice(0, 500) : String(err)]).catch(() => {});
    throw err;
  }
}

async function generateDay(db: Queryable, ctx: CallContext, date: string, templates: TemplateRow[], cal: CalendarDay | undefined,
  seasons: SeasonView[], existing: Set<string>, counts: GenerationCounts): Promise<void> {
  const actual = isoWeekday(date);
  const weekday = cal?.kind === 'workday' && cal.worksAs ? cal.worksAs : actual;
  const moved = weekday !== actual;
  const now = Date.now();
  for (const t of templates) {
    if (t.weekday !== weekday || date < t.valid_from || (t.valid_to && date > t.valid_to)) continue;
    if (cal?.kind === 'holiday' && !t.runs_on_holidays) {
      counts.skippedByHoliday++;
      continue;
    }
    const key = `${t.resource_id}|${date}|${t.period}`;
    const times = t.follow_season ? seasonalTimes(seasons, date, t.period, t.start_time, t.end_time) : { startTime: t.start_time, endTime: t.end_time };
    if (existing.has(key) || localInstant(date, times.endTime).getTime() <= now) {
      counts.skipped++;
      continue;
    }
    try {
      await createSession(db, {
        resourceId: t.resource_id, serviceDate: date, period: t.period, startTime: times.startTime, endTime: times.endTime,
        capacity: t.capacity, segmentMinutes: t.segment_minutes, channelQuotas: t.channel_quotas,
        reserved: { followup: t.reserved_followup, referral: t.reserved_referral }, fee: t.fee, source: 'plan', templateId: t.id,
        createdBy: ctx.actor.accountId,
      });
      existing.add(key);
      counts.created++;
      if (moved) counts.movedByHoliday++;
    } catch (err) {
      // made meanwhile by someone else (another run, a temporary session): the same as existing
      if (err instanceof AppError && err.code === 'session_exists') counts.skipped++;
      else throw err;
    }
  }
}

async function loadTemplates(db: Queryable, institutionId: number, req: GenerationRequest): Promise<TemplateRow[]> {
  const { rows } = await db.query<TemplateRow>(
    `SELECT t.id, t.resource_id, t.weekday, t.period, to_char(t.start_time, 'HH24:MI') AS start_time, to_char(t.end_time, 'HH24:MI') AS end_time,
       t.capacity, t.segment_minutes, t.channel_quotas, t.reserved_followup, t.reserved_referral, COALESCE(t.fee, r.default_fee)::float8 AS fee,
       t.follow_season, t.runs_on_holidays, t.valid_from, t.valid_to
     FROM sched_template t JOIN sched_resource r ON r.id = t.resource_id
     WHERE t.institution_id = $1 AND t.active AND r.active AND ($2::bigint IS NULL OR t.department_id = $2)
       AND t.valid_from <= $4 AND (t.valid_to IS NULL OR t.valid_to >= $3)
     ORDER BY t.department_id, t.resource_id, t.start_time`, [institutionId, req.departmentId ?? null, req.from, req.to]);
  return rows;
}

async function existingSessions(db: Queryable, institutionId: number, req: GenerationRequest): Promise<Set<string>> {
  const { rows } = await db.query(
    `SELECT resource_id, to_char(service_date, 'YYYY-MM-DD') AS day, period FROM sched_session
     WHERE institution_id = $1 AND service_date BETWEEN $2 AND $3 AND ($4::bigint IS NULL OR department_id = $4)`,
    [institutionId, req.from, req.to, req.departmentId ?? null]);
  return new Set(rows.map((r) => `${r.resource_id}|${r.day}|${r.period}`));
}

/** a run as the page shows it; a run whose server stopped mid-way reads as failed after a few minutes */
export async function readGeneration(db: Queryable, ctx: CallContext, id: number): Promise<GenerationView> {
  const { rows } = await db.query(
    `SELECT id, to_char(date_from, 'YYYY-MM-DD') AS "from", to_char(date_to, 'YYYY-MM-DD') AS "to", department_id AS "departmentId",
       CASE WHEN status = 'running' AND updated_at < now() - interval '5 minutes' THEN 'failed' ELSE status END AS status,
       CASE WHEN status = 'running' AND updated_at < now() - interval '5 minutes' THEN 'interrupted' ELSE error END AS error,
       days_total AS "daysTotal", days_done AS "daysDone", created, skipped, moved_by_holiday AS "movedByHoliday",
       skipped_by_holiday AS "skippedByHoliday", started_at AS "startedAt", finished_at AS "finishedAt", institution_id
     FROM sched_generation WHERE id = $1`, [id]);
  const r = rows[0];
  if (!r || Number(r.institution_id) !== ctx.actor.institutionId) throw notFound('scheduling.generation_unknown');
  delete r.institution_id;
  return {
    ...r, percent: r.daysTotal ? Math.round((100 * r.daysDone) / r.daysTotal) : 100,
    startedAt: (r.startedAt as Date).toISOString(), finishedAt: r.finishedAt ? (r.finishedAt as Date).toISOString() : null,
  } as GenerationView;
}
