/** Helpers shared by this module's HTTP tests (not a test file itself). */
import { sealAll, totpCode, writeAudit, type AuditEntry } from '@kangyun/kernel';
import { ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';

export const qs = (params: Record<string, string | number | undefined>) =>
  `?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()}`;

export async function institutionId(p: TestPlatform, code: string): Promise<number> {
  return (await p.kernel.pool.query('SELECT id FROM org_unit WHERE code = $1', [code])).rows[0].id;
}

export async function accountId(p: TestPlatform, username: string): Promise<number> {
  return (await p.kernel.pool.query('SELECT id FROM account WHERE username = $1', [username])).rows[0].id;
}

/** writes entries the way modules do, as a given user acting in an institution */
export async function seedEntries(p: TestPlatform, who: { name: string; institutionId: number | null }, entries: AuditEntry[]): Promise<void> {
  await writeAudit(p.kernel.pool, { actorName: who.name, institutionId: who.institutionId, request: { ip: '10.0.0.9', userAgent: 'test', lang: 'zh' } }, entries);
}

/** inserts an entry at a chosen time (as the table owner; still an append) and returns its id */
export async function insertAt(p: TestPlatform, at: string, action: string, institution: number | null, detail: object = {}): Promise<number> {
  const { rows } = await p.kernel.pool.query(
    `INSERT INTO audit_event (at, actor_name, institution_id, action, outcome, detail) VALUES ($1, 'time.tester', $2, $3, 'success', $4) RETURNING id`,
    [at, institution, action, JSON.stringify(detail)]);
  return rows[0].id;
}

/**
 * An auditor limited to one institution: a custom role (audit.read, data scope institution) made by
 * the security administrator, given to a new account by the system administrator; the new
 * account enrols TOTP and changes its initial password, as any new administrator must.
 */
export async function institutionAuditor(p: TestPlatform, username: string, instCode: string, permissions = ['home', 'audit.read']): Promise<ApiClient> {
  const inst = await institutionId(p, instCode);
  const sec = await p.as('secadmin');
  const role = await sec.post('/api/roles', { name: `机构审计员-${username}`, permissions, dataScope: 'institution', institutionId: inst });
  if (role.status !== 201) throw new Error(`role: ${role.status} ${role.text}`);
  const sys = await p.as('sysadmin');
  const initial = 'Initial#Audit2026';
  const staff = await sys.post('/api/staff', { username, displayName: '机构审计员', initialPassword: initial, assignments: [{ institutionId: inst, roleId: role.body.id }] });
  if (staff.status !== 201) throw new Error(`staff: ${staff.status} ${staff.text}`);
  const c = p.anonymous();
  const step = await c.post('/api/auth/login', { username, password: initial });
  if (step.body.status !== 'totp_setup_required') throw new Error(`login: ${step.text}`);
  const done = await c.post('/api/auth/login', { username, password: initial, totpCode: totpCode(step.body.totpSetup.secret) });
  if (done.body.status !== 'password_change_required') throw new Error(`login 2: ${done.text}`);
  const changed = await c.post('/api/auth/password', { currentPassword: initial, newPassword: 'Changed#Audit2026' });
  if (changed.status !== 204) throw new Error(`password: ${changed.text}`);
  return c;
}

/** GET returning the raw bytes (ApiClient decodes text, which would drop a BOM and mangle a zip) */
export async function getBytes(p: TestPlatform, client: ApiClient, path: string, lang = 'zh-CN') {
  const res = await fetch(p.baseUrl + path, { headers: { cookie: client.cookie ?? '', 'accept-language': lang } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** seals every pending entry (the background sealer may hold the seal lock when we ask, so keep asking) */
export async function sealEverything(p: TestPlatform): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await sealAll(p.kernel.pool, p.kernel.crypto);
    const { rows } = await p.kernel.pool.query('SELECT count(*)::int AS n FROM audit_event WHERE seq IS NULL');
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('audit rows stayed unsealed');
}
