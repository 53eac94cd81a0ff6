import type pg from 'pg';
import type { CryptoProvider } from '../crypto/types.js';
import { AppError } from '../errors.js';
import { registerMessages } from '../i18n.js';
import type { RequestInfo } from '../context.js';
import { writeAudit } from '../audit/write.js';
import { loadSecurityPolicy } from './policy-store.js';
import { createSession } from './sessions.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

export type LoginResult =
  | { status: 'ok' | 'password_change_required'; token: string; accountId: number }
  | { status: 'totp_required' }
  | { status: 'totp_setup_required'; secret: string; otpauthUrl: string };

interface AccountRow {
  id: number; username: string; password_hash: string; status: string; locked: boolean; must_change: boolean;
  totp_secret: string | null; totp_enabled: boolean; is_admin: boolean; first_assignment: number | null; institution_id: number | null;
}

// verified against when the username is unknown, so both paths cost the same time
let dummyHash: Promise<string> | null = null;

/**
 * 等保三级 login: username or mobile + password, lockout after repeated failures,
 * TOTP second factor (mandatory for the three administrators), forced password change.
 */
export async function login(
  pool: pg.Pool, crypto: CryptoProvider, input: { username: string; password: string; totpCode?: string }, request: RequestInfo,
): Promise<LoginResult> {
  const policy = await loadSecurityPolicy(pool);
  const { rows } = await pool.query<AccountRow>(
    `SELECT a.id, a.username, a.password_hash, a.status, (a.locked_until IS NOT NULL AND a.locked_until > now()) AS locked,
            (a.must_change_password OR a.password_changed_at < now() - make_interval(days => $2)) AS must_change,
            a.totp_secret, a.totp_enabled,
            EXISTS (SELECT 1 FROM assignment x JOIN role r ON r.id = x.role_id WHERE x.account_id = a.id AND r.admin_kind IS NOT NULL) AS is_admin,
            (SELECT x.id FROM assignment x WHERE x.account_id = a.id ORDER BY x.id LIMIT 1) AS first_assignment,
            (SELECT x.institution_id FROM assignment x WHERE x.account_id = a.id ORDER BY x.id LIMIT 1) AS institution_id
     FROM account a WHERE a.username = $1 OR a.mobile = $1 ORDER BY (a.username = $1) DESC LIMIT 1`,
    [input.username.trim(), policy.passwordMaxAgeDays],
  );
  const account = rows[0];
  const fail = async (reason: string, code = 'invalid_credentials', key = 'auth.invalid_credentials') => {
    await writeAudit(pool, { request, actorName: input.username, institutionId: account?.institution_id ?? null }, {
      action: 'auth.login', entityType: 'Account', entityId: account?.id ?? null, outcome: 'failure', detail: { reason },
    });
    return new AppError(401, code, key, { minutes: policy.lockoutMinutes });
  };
  if (!account) {
    dummyHash ??= crypto.hashPassword('not-a-real-password');
    await crypto.verifyPassword(input.password, await dummyHash);
    throw await fail('unknown_user');
  }
  if (account.status !== 'active') throw await fail('disabled');
  if (account.locked) throw await fail('locked', 'account_locked', 'auth.account_locked');

  if (!(await crypto.verifyPassword(input.password, account.password_hash))) {
    const { rows: upd } = await pool.query<{ locked: boolean }>(
      `UPDATE account SET failed_attempts = failed_attempts + 1,
         locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1 RETURNING (locked_until IS NOT NULL AND locked_until > now()) AS locked`,
      [account.id, policy.lockoutThreshold, policy.lockoutMinutes],
    );
    if (upd[0]?.locked) {
      await writeAudit(pool, { request, actorName: account.username, institutionId: account.institution_id }, {
        action: 'auth.lockout', entityType: 'Account', entityId: account.id, outcome: 'success', detail: { minutes: policy.lockoutMinutes },
      });
      throw await fail('bad_password_locked', 'account_locked', 'auth.account_locked');
    }
    throw await fail('bad_password');
  }

  if (account.totp_enabled || account.is_admin) {
    if (!input.totpCode) {
      if (account.totp_enabled) return { status: 'totp_required' };
      // administrators must enrol before their first session
      let secret = account.totp_secret ? crypto.decryptField(account.totp_secret) : null;
      if (!secret) {
        secret = newTotpSecret();
        await pool.query('UPDATE account SET totp_secret = $2 WHERE id = $1', [account.id, crypto.encryptField(secret)]);
      }
      return { status: 'totp_setup_required', secret, otpauthUrl: totpUri(secret, account.username) };
    }
    const secret = account.totp_secret ? crypto.decryptField(account.totp_secret) : null;
    if (!secret || !verifyTotp(secret, input.totpCode)) {
      await pool.query(
        `UPDATE account SET failed_attempts = failed_attempts + 1,
           locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END WHERE id = $1`,
        [account.id, policy.lockoutThreshold, policy.lockoutMinutes],
      );
      throw await fail('bad_totp', 'totp_invalid', 'auth.totp_invalid');
    }
    if (!account.totp_enabled) await pool.query('UPDATE account SET totp_enabled = true WHERE id = $1', [account.id]);
  }

  if (account.first_assignment === null) throw await fail('no_assignment', 'no_assignment', 'auth.no_assignment');
  await pool.query('UPDATE account SET failed_attempts = 0, locked_until = NULL, last_login_at = now() WHERE id = $1', [account.id]);
  const token = await createSession(pool, crypto, account.id, account.first_assignment, policy.sessionMaxHours, request.ip, request.userAgent);
  await writeAudit(pool, { request, actorName: account.username, institutionId: account.institution_id }, {
    action: 'auth.login', entityType: 'Account', entityId: account.id, outcome: 'success', detail: { secondFactor: account.totp_enabled || account.is_admin },
  });
  return { status: account.must_change ? 'password_change_required' : 'ok', token, accountId: account.id };
}

registerMessages({
  'auth.invalid_credentials': { zh: '用户名或密码不正确', en: 'Incorrect username or password' },
  'auth.account_locked': { zh: '登录失败次数过多，账号已锁定 {minutes} 分钟，请稍后再试或联系安全管理员解锁', en: 'Too many failed attempts: the account is locked for {minutes} minutes; try later or ask the security administrator to unlock it' },
  'auth.totp_invalid': { zh: '动态验证码不正确', en: 'The authentication code is incorrect' },
  'auth.no_assignment': { zh: '该账号尚未分配机构和角色，请联系管理员', en: 'This account has no institution or role yet; contact your administrator' },
});
