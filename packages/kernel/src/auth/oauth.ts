import type pg from 'pg';
import type { Actor } from '../context.js';
import type { CryptoProvider } from '../crypto/types.js';
import { AppError } from '../errors.js';
import { permissionsForScopes } from '../permissions.js';
import { registerMessages } from '../i18n.js';

const TOKEN_SECONDS = 3600;

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** OAuth 2.0 client-credentials grant (RFC 6749 §4.4) for integrations. */
export async function issueClientToken(
  pool: pg.Pool, crypto: CryptoProvider, clientId: string, clientSecret: string, requestedScope?: string,
): Promise<TokenResponse> {
  const { rows } = await pool.query<{ id: number; secret_hash: string; scopes: string[]; institution_id: number; enabled: boolean }>(
    'SELECT id, secret_hash, scopes, institution_id, enabled FROM oauth_client WHERE client_id = $1',
    [clientId],
  );
  const client = rows[0];
  if (!client || !client.enabled || !(await crypto.verifyPassword(clientSecret, client.secret_hash))) {
    throw new AppError(401, 'invalid_client', 'oauth.invalid_client');
  }
  const requested = requestedScope ? requestedScope.split(/\s+/).filter(Boolean) : client.scopes;
  const notAllowed = requested.filter((s) => !client.scopes.includes(s));
  if (notAllowed.length) throw new AppError(400, 'invalid_scope', 'oauth.invalid_scope', { scope: notAllowed.join(' ') });
  const token = crypto.randomToken(32);
  await pool.query(
    `INSERT INTO access_token (token_hash, client_id, scopes, institution_id, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [crypto.hash(token), client.id, requested, client.institution_id, TOKEN_SECONDS],
  );
  return { access_token: token, token_type: 'Bearer', expires_in: TOKEN_SECONDS, scope: requested.join(' ') };
}

export async function lookupAccessToken(pool: pg.Pool, crypto: CryptoProvider, token: string): Promise<Actor | null> {
  const { rows } = await pool.query<{ client_id: string; name: string; scopes: string[]; institution_id: number; region_id: number; enabled: boolean }>({
    name: 'kernel.token.lookup',
    text: `SELECT c.client_id, c.name, t.scopes, t.institution_id, i.region_id, c.enabled
     FROM access_token t JOIN oauth_client c ON c.id = t.client_id JOIN org_unit i ON i.id = t.institution_id
     WHERE t.token_hash = $1 AND t.expires_at > now()`,
    values: [crypto.hash(token)],
  });
  const row = rows[0];
  if (!row || !row.enabled) return null;
  return {
    kind: 'client',
    accountId: null,
    name: row.client_id,
    displayName: row.name,
    clientId: row.client_id,
    assignmentId: null,
    institutionId: row.institution_id,
    departmentId: null,
    regionId: row.region_id,
    roleCode: 'integration',
    adminKind: null,
    permissions: new Set(permissionsForScopes(row.scopes)),
    scope: 'institution',
    regionInstitutions: [row.institution_id],
    mustChangePassword: false,
  };
}

registerMessages({
  'oauth.invalid_client': { zh: '客户端认证失败', en: 'Client authentication failed' },
  'oauth.invalid_scope': { zh: '客户端无权申请范围：{scope}', en: 'The client may not request scope: {scope}' },
  'oauth.unsupported_grant_type': { zh: '仅支持 client_credentials 授权方式', en: 'Only the client_credentials grant is supported' },
});
