import type { Actor } from '@kangyun/kernel';
import { likeEscape, type SqlWhere } from './where.js';

/**
 * The filter vocabulary shared by the REST search, the export, the stats and FHIR AuditEvent search.
 * Every condition is on audit_event aliased `a`.
 */
export const cond = {
  atOrAfter: (w: SqlWhere, t: Date) => w.add((p) => `a.at >= ${p(t)}`),
  before: (w: SqlWhere, t: Date) => w.add((p) => `a.at < ${p(t)}`),

  /**
   * `patient.` or `patient.*` is a prefix; anything else an exact action code. The prefix is a
   * range with the pattern operators: LIKE is not leakproof, so under row-level security
   * PostgreSQL could not use an index for it; ~>=~ and ~<~ are, and use audit_event_action.
   */
  action(w: SqlWhere, action: string) {
    const prefix = action.endsWith('*') ? action.slice(0, -1) : action.endsWith('.') ? action : null;
    if (prefix === null) w.add((p) => `a.action = ${p(action)}`);
    else if (prefix !== '') w.add((p) => `a.action ~>=~ ${p(prefix)} AND a.action ~<~ ${p(prefixEnd(prefix))}`);
  },

  /**
   * What a user did (actor_name is the username, or the OAuth client id), plus sign-in attempts on
   * that user's account, whatever name was typed (a failed login has no actor yet). A number is
   * taken as an account id.
   */
  user(w: SqlWhere, user: string) {
    if (/^\d+$/.test(user)) {
      w.add((p) => `a.actor_id = ${p(Number(user))} OR a.actor_name = ${p(user)}`);
      return;
    }
    w.add((p) => {
      const u = p(user);
      return `a.actor_name = ${u} OR (a.actor_id IS NULL AND a.entity_type = 'Account' AND a.action ~>=~ 'auth.' AND a.action ~<~ 'auth/'
        AND a.entity_id = (SELECT id::text FROM account WHERE username = ${u}))`;
    });
  },

  actorId: (w: SqlWhere, id: number) => w.add((p) => `a.actor_id = ${p(id)}`),
  actorName: (w: SqlWhere, name: string) => w.add((p) => `a.actor_name = ${p(name)}`),
  patient: (w: SqlWhere, id: number) => w.add((p) => `a.patient_id = ${p(id)}`),
  outcome: (w: SqlWhere, o: 'success' | 'failure') => w.add((p) => `a.outcome = ${p(o)}`),
  entityType: (w: SqlWhere, t: string) => w.add((p) => `a.entity_type = ${p(t)}`),
  entityId: (w: SqlWhere, id: string) => w.add((p) => `a.entity_id = ${p(id)}`),
  institution: (w: SqlWhere, id: number) => w.add((p) => `a.institution_id = ${p(id)}`),
  ids: (w: SqlWhere, ids: number[]) => w.add((p) => `a.id = ANY(${p(ids)}::bigint[])`),

  /**
   * Free text over who, what and the detail; a number also finds the entry with that id. No index
   * can serve ILIKE under row-level security (it is not leakproof), so this filters the rows of
   * the time window and the other filters; searches run under a statement timeout (search.ts).
   */
  text(w: SqlWhere, q: string) {
    w.add((p) => {
      const v = p(`%${likeEscape(q)}%`);
      const byId = /^\d{1,15}$/.test(q) ? ` OR a.id = ${p(Number(q))}` : '';
      return `a.actor_name ILIKE ${v} OR a.action ILIKE ${v} OR a.entity_id ILIKE ${v} OR a.detail::text ILIKE ${v}${byId}`;
    });
  },

  /**
   * Row-level security already limits what an auditor sees; saying the same in the query lets
   * PostgreSQL use the institution index instead of filtering the whole time range row by row.
   */
  scopeHint(w: SqlWhere, actor: Actor) {
    if (actor.scope !== 'region') w.add((p) => `a.institution_id = ${p(actor.institutionId)}`);
  },
};

/** the smallest string after every string starting with prefix (action codes are ASCII) */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
