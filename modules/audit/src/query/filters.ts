import { Type, type Static } from '@sinclair/typebox';
import { fieldError, invalid, type Actor } from '@kangyun/kernel';
import { cond } from './conditions.js';
import { parseTimeRange, TIME_PATTERN } from './time.js';
import { SqlWhere } from './where.js';

export const DEFAULT_DAYS = 7;
const DAY_MS = 86_400_000;

const time = (description: string) => Type.Optional(Type.String({ pattern: TIME_PATTERN, description }));

/** The time window alone (stats). */
export const timeQuery = Type.Object({
  from: time('起始时间（含），日期按北京时间；默认为截止时间前 7 天 / from (inclusive); dates are China Standard Time'),
  to: time('截止时间（含，按所给精度）；默认为现在 / to (inclusive at its precision); default now'),
});

/** Filters of the audit-log search and export. */
export const filterQuery = Type.Composite([
  timeQuery,
  Type.Object({
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '用户名或账号 ID / username or account id' })),
    action: Type.Optional(Type.String({
      minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.*-]+$',
      description: "操作代码；以 '.' 或 '*' 结尾为前缀匹配，如 patient. / action code; a trailing '.' or '*' matches a prefix",
    })),
    patientId: Type.Optional(Type.Integer({ minimum: 1 })),
    outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
    entityType: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    institutionId: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '全文：用户、操作、对象 ID、详情 / free text' })),
  }),
]);

export type TimeQuery = Static<typeof timeQuery>;
export type FilterQuery = Static<typeof filterQuery>;

/** Resolves from/to into [start, end); the default window is the 7 days up to `to` (or now). */
export function timeWindow(q: TimeQuery, now = new Date()): { start: Date; end: Date | null } {
  const to = q.to === undefined ? null : parseTimeRange(q.to);
  const from = q.from === undefined ? null : parseTimeRange(q.from);
  const errors = [];
  if (q.to !== undefined && !to) errors.push(fieldError('to', 'invalid_time', 'audit.invalid_time'));
  if (q.from !== undefined && !from) errors.push(fieldError('from', 'invalid_time', 'audit.invalid_time'));
  if (errors.length) throw invalid(errors);
  const end = to?.end ?? null;
  const start = from?.start ?? new Date((end ?? now).getTime() - DEFAULT_DAYS * DAY_MS);
  if (end && start >= end) throw invalid([fieldError('from', 'range_invalid', 'audit.range_invalid')]);
  return { start, end };
}

export function timeWhere(q: TimeQuery, actor: Actor, now = new Date()): { where: SqlWhere; start: Date; end: Date | null } {
  const { start, end } = timeWindow(q, now);
  const where = new SqlWhere();
  cond.atOrAfter(where, start);
  if (end) cond.before(where, end);
  cond.scopeHint(where, actor);
  return { where, start, end };
}

/** SQL conditions for the REST filters, plus the resolved window (recorded in the audit entry). */
export function filterWhere(q: FilterQuery, actor: Actor, now = new Date()) {
  const built = timeWhere(q, actor, now);
  const w = built.where;
  if (q.user) cond.user(w, q.user);
  if (q.action) cond.action(w, q.action);
  if (q.patientId) cond.patient(w, q.patientId);
  if (q.outcome) cond.outcome(w, q.outcome);
  if (q.entityType) cond.entityType(w, q.entityType);
  if (q.entityId) cond.entityId(w, q.entityId);
  if (q.institutionId) cond.institution(w, q.institutionId);
  if (q.q) cond.text(w, q.q);
  return built;
}

/** the filters as given plus the resolved window, for the audit entry of a search or export */
export function describeFilters(q: FilterQuery | TimeQuery, window: { start: Date; end: Date | null }): Record<string, unknown> {
  const given = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
  return { ...given, window: { from: window.start.toISOString(), to: window.end?.toISOString() ?? null } };
}
