import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, totpCode, type KangyunModule } from '@kangyun/kernel';
import { DEMO_PASSWORD, DEMO_TOTP } from '@kangyun/identity';
import { startPlatform, type Platform } from '../platform.js';
import { TEST_PASSWORD_ITERATIONS, withDatabase } from './prepare.js';

export interface TestPlatform extends Platform {
  baseUrl: string;
  databaseUrl: string;
  /** an HTTP client signed in as a demo user (TOTP answered for administrators) */
  as(username: string, password?: string): Promise<ApiClient>;
  anonymous(): ApiClient;
  /** a client with an OAuth bearer token */
  withToken(clientId: string, secret: string, scope?: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A small fetch wrapper that keeps the session cookie, like a browser would. */
export class ApiClient {
  cookie: string | null = null;
  constructor(readonly baseUrl: string, readonly headers: Record<string, string> = {}) {}

  async request<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'accept-language': 'zh-CN', ...this.headers, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: string | undefined;
    if (body !== undefined) {
      if (typeof body === 'string') payload = body;
      else {
        payload = JSON.stringify(body);
        headers['content-type'] ??= 'application/json';
      }
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie?.() ?? [];
    for (const c of setCookie) {
      const [pair] = c.split(';');
      if (pair.startsWith('kangyun_sid=')) this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, headers?: Record<string, string>) { return this.request<T>('GET', path, undefined, headers); }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.request<T>('POST', path, body ?? {}, headers); }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.request<T>('PUT', path, body ?? {}, headers); }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.request<T>('PATCH', path, body ?? {}, headers); }
  delete<T = any>(path: string, headers?: Record<string, string>) { return this.request<T>('DELETE', path, undefined, headers); }
}

/**
 * Starts the real platform over HTTP on a free loopback port, on a fresh database cloned from
 * the template `npm test` prepared (migrations + demo data). Each test file gets its own.
 */
export async function startTestPlatform(options: { modules?: readonly KangyunModule[]; startJobs?: boolean } = {}): Promise<TestPlatform> {
  const adminUrl = process.env.KANGYUN_TEST_ADMIN_URL;
  const template = process.env.KANGYUN_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('run tests with `npm test` (it prepares the test database)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, name);
  const config = {
    ...loadConfig({ KANGYUN_DATA_DIR: process.env.KANGYUN_TEST_DIR, KANGYUN_KEYS_FILE: process.env.KANGYUN_KEYS_FILE, LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal' }),
    databaseUrl,
    poolSize: 8,
    auditSealIntervalMs: 200,
  };
  const platform = await startPlatform({ config, modules: options.modules, demo: false, startJobs: options.startJobs ?? true, passwordIterations: TEST_PASSWORD_ITERATIONS });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    ...platform,
    baseUrl,
    databaseUrl,
    anonymous: () => new ApiClient(baseUrl),
    async as(username: string, password = DEMO_PASSWORD) {
      const client = new ApiClient(baseUrl);
      const secret = (DEMO_TOTP as Record<string, string>)[username];
      const res = await client.post('/api/auth/login', { username, password, ...(secret ? { totpCode: totpCode(secret) } : {}) });
      if (res.status !== 200 || !['ok', 'password_change_required'].includes(res.body.status)) {
        throw new Error(`login as ${username} failed: ${res.status} ${res.text}`);
      }
      return client;
    },
    async withToken(clientId: string, secret: string, scope?: string) {
      const res = await fetch(`${baseUrl}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, ...(scope ? { scope } : {}) }),
      });
      const body = (await res.json()) as { access_token: string };
      if (!res.ok) throw new Error(`token for ${clientId} failed: ${res.status} ${JSON.stringify(body)}`);
      return new ApiClient(baseUrl, { authorization: `Bearer ${body.access_token}` });
    },
    async close() {
      await platform.stop();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
