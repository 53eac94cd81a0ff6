import type { Actor, ScopedClient } from '@kangyun/kernel';
import { SqlWhere } from './where.js';

const CST_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const floorDay = (t: number) => Math.floor((t + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
const ceilDay = (t: number) => Math.ceil((t + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
const dayText = (t: number) => new Date(t + CST_MS).toISOString().slice(0, 10);

/** audit_daily_count answers for these scopes (see its row-level security policy) */
const usesRollup = (actor: Actor) => actor.scope === 'region' || actor.scope === 'institution';

const CST_DAY = "(a.at AT TIME ZONE 'Asia/Shanghai')::date";
const NOT_ROLLED_UP = '(a.seq IS NULL OR a.seq > (SELECT last_seq FROM audit_daily_count_mark WHERE id = 1))';

/**
 * Entries per China-Standard-Time day and action in [start, end). Whole days come from
 * audit_daily_count plus the rows it does not hold yet; partial days at the edges are counted
 * live. One statement, so the counts and the watermark are read from the same snapshot.
 */
export async function dailyActionCounts(db: ScopedClient, actor: Actor, start: Date, end: Date | null, now = new Date()) {
  const w = new SqlWhere();
  const scope = actor.scope === 'region' ? 'true' : `a.institution_id = ${w.param(actor.institutionId)}`;
  const s = w.param(start);
  const e = end ? w.param(end) : null;
  const inWindow = `a.at >= ${s}${e ? ` AND a.at < ${e}` : ''}`;
  const fullFrom = ceilDay(start.getTime());
  const fullTo = floorDay((end ?? now).getTime());
  let parts: string[];
  if (!usesRollup(actor) || fullFrom >= fullTo) {
    parts = [`SELECT ${CST_DAY} AS day, a.action, count(*) AS n FROM audit_event a WHERE ${scope} AND ${inWindow} GROUP BY 1, 2`];
  } else {
    const fs = w.param(new Date(fullFrom));
    const fe = w.param(new Date(fullTo));
    parts = [
      `SELECT day, action, n FROM audit_daily_count WHERE day >= ${w.param(dayText(fullFrom))}::date AND day < ${w.param(dayText(fullTo))}::date`,
      `SELECT ${CST_DAY}, a.action, count(*) FROM audit_event a WHERE ${scope} AND a.at >= ${fs} AND a.at < ${fe} AND ${NOT_ROLLED_UP} GROUP BY 1, 2`,
      `SELECT ${CST_DAY}, a.action, count(*) FROM audit_event a WHERE ${scope} AND ${inWindow} AND (a.at < ${fs} OR a.at >= ${fe}) GROUP BY 1, 2`,
    ];
  }
  const { rows } = await db.query<{ day: string; action: string; count: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, action, sum(n)::int AS count FROM (${parts.join(' UNION ALL ')}) p
     GROUP BY day, action ORDER BY day, action`,
    w.params,
  );
  return rows;
}

/** how many entries the caller can see, without counting millions of rows one by one */
export async function countVisibleEntries(db: ScopedClient, actor: Actor): Promise<number> {
  const sql = usesRollup(actor)
    ? `SELECT (SELECT coalesce(sum(n), 0) FROM audit_daily_count) + (SELECT count(*) FROM audit_event a WHERE ${NOT_ROLLED_UP}) AS n`
    : 'SELECT count(*) AS n FROM audit_event';
  return Number((await db.query<{ n: number }>(sql)).rows[0].n);
}
