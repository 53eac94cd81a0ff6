import type pg from 'pg';
import { checkPasswordStrength, fieldError, invalid, loadSecurityPolicy, type CryptoProvider } from '@kangyun/kernel';

/**
 * Sets a new password after checking the policy and the history of recent passwords.
 * `mustChange` marks passwords set by an administrator, which the user must replace at next login.
 */
export async function setPassword(
  db: Pick<pg.Pool, 'query'>, crypto: CryptoProvider, accountId: number, username: string, password: string,
  options: { mustChange: boolean; field?: string },
): Promise<void> {
  const field = options.field ?? 'newPassword';
  const policy = await loadSecurityPolicy(db);
  const weak = checkPasswordStrength(password, policy, username, field);
  if (weak) throw invalid([weak]);
  const { rows } = await db.query<{ password_hash: string }>(
    `(SELECT password_hash FROM account WHERE id = $1)
     UNION ALL (SELECT password_hash FROM password_history WHERE account_id = $1 ORDER BY changed_at DESC LIMIT $2)`,
    [accountId, Math.max(policy.passwordHistory - 1, 0)],
  );
  for (const r of rows) {
    if (await crypto.verifyPassword(password, r.password_hash)) throw invalid([fieldError(field, 'password_reused', 'password.reused')]);
  }
  const hash = await crypto.hashPassword(password);
  await db.query('INSERT INTO password_history (account_id, password_hash) SELECT id, password_hash FROM account WHERE id = $1', [accountId]);
  await db.query(
    'UPDATE account SET password_hash = $2, must_change_password = $3, password_changed_at = now(), failed_attempts = 0, updated_at = now() WHERE id = $1',
    [accountId, hash, options.mustChange],
  );
}
