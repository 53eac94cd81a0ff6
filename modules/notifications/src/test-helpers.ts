/** Helpers shared by this module's tests (not a test file itself). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTOR_COLUMNS, ACTOR_JOINS, actorFromRow, type ActorRow, type CallContext, type KangyunModule } from '@kangyun/kernel';
import { modules } from '@kangyun/server/modules.ts';
import { startTestPlatform, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { createNotificationsModule, type NotificationsModuleOptions } from './index.js';

/** the platform with this module configured for the test (e.g. without its jobs, or with short waits) */
export function startWith(options: NotificationsModuleOptions): Promise<TestPlatform> {
  const list: KangyunModule[] = modules.map((m) => (m.name === 'notifications' ? createNotificationsModule(options) : m));
  return startTestPlatform({ modules: list });
}

export async function institutionId(p: TestPlatform, code: string): Promise<number> {
  return (await p.kernel.pool.query('SELECT id FROM org_unit WHERE code = $1', [code])).rows[0].id;
}

export async function accountId(p: TestPlatform, username: string): Promise<number> {
  return (await p.kernel.pool.query('SELECT id FROM account WHERE username = $1', [username])).rows[0].id;
}

/** the request context of a demo user acting in their first assignment (or the one in `institutionCode`) */
export async function contextOf(p: TestPlatform, username: string, institutionCode?: string): Promise<CallContext> {
  const { rows } = await p.kernel.pool.query<ActorRow & { account_id: number; username: string; display_name: string }>(
    `SELECT ${ACTOR_COLUMNS}, a.id AS account_id, a.username, a.display_name
     FROM account a JOIN assignment asg ON asg.account_id = a.id ${ACTOR_JOINS}
     WHERE a.username = $1 AND ($2::text IS NULL OR inst.code = $2) ORDER BY asg.id LIMIT 1`, [username, institutionCode ?? null]);
  const r = rows[0];
  if (!r) throw new Error(`no assignment for ${username}`);
  const actor = actorFromRow(r, { id: r.account_id, username: r.username, displayName: r.display_name, mustChangePassword: false });
  return { actor, request: { ip: '127.0.0.1', userAgent: 'test', lang: 'zh' } };
}

export interface GatewayHit {
  headers: http.IncomingHttpHeaders;
  body: { id: string; channel: string; to: string; title: string; body: string; kind: string; link: string | null };
}

export type GatewayMode = 'ok' | 'fail' | 'hang';

/** A local SMS/WeChat gateway: records every request; answers 200 with a message id, 500, or never. */
export async function startGateway(initial: GatewayMode = 'ok', delayMs = 0) {
  const hits: GatewayHit[] = [];
  let mode: GatewayMode = initial;
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { raw += chunk; });
    req.on('end', () => {
      const n = hits.push({ headers: req.headers, body: JSON.parse(raw) });
      if (mode === 'hang') {
        hanging.add(res);
        return;
      }
      setTimeout(() => {
        if (mode === 'fail') res.writeHead(500, { 'content-type': 'text/plain' }).end('gateway exploded');
        else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: `GW-${n}` }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return {
    url,
    hits,
    setMode(next: GatewayMode) { mode = next; },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** a provider row written directly (as the platform owner), the way the settings page saves it */
export async function setProvider(p: TestPlatform, institution: number, channel: 'sms' | 'wechat', url: string, options: { key?: string; enabled?: boolean; timeoutMs?: number } = {}) {
  await p.kernel.pool.query(
    `INSERT INTO notification_provider (institution_id, channel, url, key_enc, enabled, timeout_ms) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (institution_id, channel) DO UPDATE SET url = EXCLUDED.url, key_enc = EXCLUDED.key_enc, enabled = EXCLUDED.enabled, timeout_ms = EXCLUDED.timeout_ms`,
    [institution, channel, url, options.key ? p.kernel.crypto.encryptField(options.key) : null, options.enabled ?? true, options.timeoutMs ?? 2000]);
}

export async function outboxRows(p: TestPlatform, where = 'true', params: unknown[] = []) {
  return (await p.kernel.pool.query(`SELECT * FROM notification_outbox WHERE ${where} ORDER BY id`, params)).rows;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** waits until check() is truthy (background jobs run on their own clock) */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}
