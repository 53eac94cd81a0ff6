/**
 * HTTP load with autocannon: a fixed number of keep-alive connections for a fixed time, each
 * request's path drawn at random (a patient id or an ID number). Latencies are kept per
 * request at sub-millisecond resolution (autocannon's own histogram rounds to whole ms).
 */
import http from 'node:http';
import autocannon, { type Result as AutocannonResult } from 'autocannon';
import { percentile, round, sleep } from './util.js';

export interface LoadSpec {
  name: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** a fresh path for every request */
  nextPath: () => string;
  connections: number;
  durationS: number;
  /** open loop: this many requests per second, evenly spaced (see runPaced); default: closed loop, as fast as answered */
  rate?: number;
}

export interface LoadFigures {
  name: string;
  example: string;
  connections: number;
  /** requests per second asked for (open loop), or null for as fast as the server answers */
  rate: number | null;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCounts: Record<string, number>;
}

export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  if (spec.rate) return runPaced(spec);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const example = spec.nextPath();
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon({
      url: spec.baseUrl,
      connections: spec.connections,
      duration: spec.durationS,
      timeout: 10,
      headers: { 'accept-language': 'zh-CN', ...spec.headers },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: spec.nextPath() }) }],
    }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
  });
  return { ...figures(spec, example, latencies, statusCounts, result.duration, result.errors, result.timeouts), non2xx: result.non2xx };
}

function figures(spec: LoadSpec, example: string, latencies: number[], statusCounts: Record<string, number>, durationS: number, errors: number, timeouts: number): LoadFigures {
  const sorted = Float64Array.from(latencies).sort();
  const total = latencies.length;
  let non2xx = 0;
  for (const [status, n] of Object.entries(statusCounts)) if (!status.startsWith('2')) non2xx += n;
  return {
    name: spec.name, example, connections: spec.connections, rate: spec.rate ?? null, durationS, requests: total,
    rps: round(total / durationS, 0),
    p50: round(percentile(sorted, 50), 2), p90: round(percentile(sorted, 90), 2), p99: round(percentile(sorted, 99), 2),
    max: round(sorted[sorted.length - 1] ?? NaN, 2), mean: round(total ? latencies.reduce((a, b) => a + b, 0) / total : NaN, 2),
    errors, timeouts, non2xx, statusCounts,
  };
}

/**
 * Open loop at an even rate: request i is due at start + i/rate whatever happened to earlier
 * ones, and its latency counts from when it was due (no coordinated omission). autocannon's own
 * rate option sends each connection's quota for the second in one burst at the top of the
 * second, which measures burst queueing rather than a steady rate, so this is done here with
 * node:http over a keep-alive agent.
 */
export async function runPaced(spec: LoadSpec): Promise<LoadFigures> {
  const rate = spec.rate!;
  const url = new URL(spec.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(spec.connections, 64) });
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const example = spec.nextPath();
  const total = Math.round(rate * spec.durationS);
  const start = performance.now() + 20;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const path = spec.nextPath();
    inFlight.push(new Promise<void>((resolve) => {
      const req = http.get({ host: url.hostname, port: url.port, path, agent, headers: { 'accept-language': 'zh-CN', ...spec.headers }, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          statusCounts[res.statusCode ?? 0] = (statusCounts[res.statusCode ?? 0] ?? 0) + 1;
          resolve();
        });
      });
      req.on('timeout', () => { timeouts++; req.destroy(new Error('timeout')); });
      req.on('error', () => { errors++; resolve(); });
    }));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return figures(spec, example, latencies, statusCounts, spec.durationS, errors, timeouts);
}

/** POST /api/auth/login; returns the session cookie pair. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.json() as { status?: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('kangyun_sid=') && !c.endsWith('='));
  if (res.status !== 200 || body.status !== 'ok' || !cookie) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  return cookie;
}

/** POST /oauth2/token with client_credentials; returns the bearer token. */
export async function clientToken(baseUrl: string, clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  const body = await res.json() as { access_token?: string };
  if (!res.ok || !body.access_token) throw new Error(`token for ${clientId} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export async function getJson(baseUrl: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await fetch(baseUrl + path, { headers: { 'accept-language': 'zh-CN', ...headers } });
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body };
}
