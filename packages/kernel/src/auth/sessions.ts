import type pg from 'pg';
import type { Actor } from '../context.js';
import type { CryptoProvider } from '../crypto/types.js';
import { ACTOR_COLUMNS, ACTOR_JOINS, actorFromRow, type ActorRow } from './actor-query.js';

export const SESSION_COOKIE = 'kangyun_sid';

export type SessionLookup =
  | { status: 'ok'; actor: Actor; tokenHash: string; idleTimeoutSeconds: number }
  | { status: 'expired' | 'missing' };

/** Sessions live in PostgreSQL (only the token's hash), so any node can serve any request. */
export async function createSession(
  pool: pg.Pool, crypto: CryptoProvider, accountId: number, assignmentId: number | null, maxHours: number, ip: string, userAgent: string | null,
): Promise<string> {
  const token = crypto.randomToken(32);
  await pool.query(
    `INSERT INTO session (token_hash, account_id, assignment_id, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
    [crypto.hash(token), accountId, assignmentId, maxHours, ip, userAgent],
  );
  return token;
}

export async function lookupSession(pool: pg.Pool, crypto: CryptoProvider, token: string): Promise<SessionLookup> {
  const tokenHash = crypto.hash(token);
  const { rows } = await pool.query<ActorRow & {
    account_id: number; username: string; display_name: string; must_change: boolean; status: string;
    idle_seconds: number; idle_limit: number; expired: boolean; stale: boolean;
  }>({
    name: 'kernel.session.lookup',
    text: `SELECT s.account_id, a.username, a.display_name, a.status,
            (a.must_change_password OR a.password_changed_at < now() - make_interval(days => p.password_max_age_days)) AS must_change,
            extract(epoch FROM now() - s.last_seen_at) AS idle_seconds, p.idle_timeout_minutes * 60 AS idle_limit,
            (s.expires_at < now()) AS expired, (s.last_seen_at < now() - interval '15 seconds') AS stale, ${ACTOR_COLUMNS}
     FROM session s
     JOIN account a ON a.id = s.account_id
     JOIN assignment asg ON asg.id = s.assignment_id ${ACTOR_JOINS}
     CROSS JOIN security_policy p
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL`,
    values: [tokenHash],
  });
  const row = rows[0];
  if (!row) return { status: 'missing' };
  if (row.status !== 'active' || row.expired || row.idle_seconds > row.idle_limit) {
    await revokeSession(pool, tokenHash);
    return { status: 'expired' };
  }
  // sliding idle timeout; written at most every 15 s so reads stay cheap
  if (row.stale) pool.query('UPDATE session SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]).catch(() => {});
  const actor = actorFromRow(row, { id: row.account_id, username: row.username, displayName: row.display_name, mustChangePassword: row.must_change });
  return { status: 'ok', actor, tokenHash, idleTimeoutSeconds: row.idle_limit };
}

export async function revokeSession(pool: pg.Pool, tokenHash: string): Promise<void> {
  await pool.query('UPDATE session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
}

export async function switchSessionAssignment(pool: pg.Pool, tokenHash: string, accountId: number, assignmentId: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE session s SET assignment_id = $3, last_seen_at = now()
     WHERE s.token_hash = $1 AND s.account_id = $2 AND EXISTS (SELECT 1 FROM assignment WHERE id = $3 AND account_id = $2)`,
    [tokenHash, accountId, assignmentId],
  );
  return rowCount === 1;
}
