/**
 * Display latency (叫号 → 候诊大屏): from the moment a doctor's "call next" request is sent to the
 * moment each of N connected screens has received the call over Server-Sent Events.
 *
 * Everything measured goes over HTTP against a running server: N display devices are registered
 * through the API (as a triage nurse), each opens its own SSE connection with its own token, then
 * the doctor calls patients one after another (call next, then recalls once nobody is left) and
 * every screen's arrival time of each call is recorded. The patients are put in place directly in
 * the database (a session today on a copy of 心血管内科普通门诊, bookings starting now, checked in
 * through the API) so the benchmark works at any time of day. Devices are revoked afterwards.
 *
 *   const r = await displayLatencyBench('http://127.0.0.1:8080', { databaseUrl });
 *   // { p50, p99, max, screens: 200, calls: 100, missed: 0 }
 */
import pg from 'pg';
import { book, patients, todaySession } from '../src/test/fixtures.js';
import { SseClient } from '../src/test/sse-client.js';

export interface DisplayLatencyOptions {
  /** the platform's database (for the fixture patients); required */
  databaseUrl: string;
  /** connected screens (default 200) */
  screens?: number;
  /** calls measured (default 100) */
  calls?: number;
  /** pause after each call has reached every screen (default 50 ms) */
  pauseMs?: number;
  /** a call not seen by a screen within this counts as missed (default 5000 ms) */
  timeoutMs?: number;
  nurse?: string;
  doctor?: string;
  password?: string;
  log?: (message: string) => void;
}

export interface DisplayLatencyResult {
  /** milliseconds, over every (call, screen) pair */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  screens: number;
  calls: number;
  /** (call, screen) pairs that never arrived within the timeout */
  missed: number;
  /** the call request's own response time (median), for comparison */
  requestP50: number;
}

const AREA = '门诊二楼心内科候诊区';
const RESOURCE = '心血管内科普通门诊';

export async function displayLatencyBench(baseUrl: string, opts: DisplayLatencyOptions): Promise<DisplayLatencyResult> {
  const screensWanted = opts.screens ?? 200;
  const callsWanted = opts.calls ?? 100;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const log = opts.log ?? (() => {});
  const password = opts.password ?? 'Kangyun@2026';
  const nurse = await login(baseUrl, opts.nurse ?? 'nurse.triage', password);
  const doctor = await login(baseUrl, opts.doctor ?? 'dr.zhang', password);
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 2 });
  const deviceIds: number[] = [];
  const streams: SseClient[] = [];
  try {
    // patients checked in to a fresh queue in room 201 (shown by the cardiology waiting area)
    const session = await todaySession(pool, RESOURCE);
    const waiting = Math.min(callsWanted, 30);
    const ids = await patients(pool, waiting, { maxAge: 60 });
    let queueId = 0;
    for (const [i, patientId] of ids.entries()) {
      const appointmentId = await book(pool, session, patientId, i + 1, 5);
      const res = await api(baseUrl, nurse, 'POST', '/api/queue/checkin', { appointmentId });
      queueId = res.queueId;
    }
    log(`display latency: ${waiting} patients checked in to queue ${queueId}`);

    const areas = await api(baseUrl, nurse, 'GET', '/api/queue/areas');
    const area = (areas as { id: number; name: string }[]).find((a) => a.name === AREA);
    if (!area) throw new Error(`waiting area ${AREA} not found (demo data missing?)`);
    for (let i = 0; i < screensWanted; i++) {
      const reg = await api(baseUrl, nurse, 'POST', '/api/queue/devices', { name: `压测大屏 ${i + 1}`, kind: 'big_screen', areaIds: [area.id], voice: false });
      deviceIds.push(reg.device.id);
      streams.push(await SseClient.open(`${baseUrl}/api/queue/stream?device=${encodeURIComponent(reg.token)}`));
    }
    await Promise.all(streams.map((s) => s.waitFor((e) => e.event === 'snapshot', 30_000)));
    log(`display latency: ${streams.length} screens connected`);

    // arrival time of each call id, per screen
    const arrivals = streams.map(() => new Map<number, number>());
    streams.forEach((s, i) => {
      s.onEvent = (e) => {
        if (e.event !== 'call') return;
        const callId = (JSON.parse(e.data) as { call: { callId: number } }).call.callId;
        arrivals[i].set(callId, e.at);
      };
    });

    const latencies: number[] = [];
    const requests: number[] = [];
    let missed = 0;
    let current: number | null = null;
    for (let n = 0; n < callsWanted; n++) {
      const t0 = performance.now();
      let callId: number;
      const next = n < waiting ? await api(baseUrl, doctor, 'POST', `/api/queue/queues/${queueId}/call-next`, {}) : null;
      if (next?.call) {
        callId = next.call.callId;
        current = next.entry.entryId;
      } else {
        if (current === null) throw new Error('nobody to call');
        callId = (await api(baseUrl, doctor, 'POST', `/api/queue/entries/${current}/recall`, {})).callId;
      }
      requests.push(performance.now() - t0);
      const deadline = performance.now() + timeoutMs;
      while (arrivals.some((m) => !m.has(callId)) && performance.now() < deadline) await sleep(2);
      for (const m of arrivals) {
        const at = m.get(callId);
        if (at === undefined) missed++;
        else latencies.push(at - t0);
      }
      if (opts.pauseMs !== 0) await sleep(opts.pauseMs ?? 50);
    }
    latencies.sort((a, b) => a - b);
    const pct = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
    return {
      p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: round(latencies[latencies.length - 1] ?? NaN),
      mean: round(latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length)),
      screens: streams.length, calls: callsWanted, missed,
      requestP50: round(requests.sort((a, b) => a - b)[Math.floor(requests.length / 2)] ?? NaN),
    };
  } finally {
    for (const s of streams) s.close();
    for (const id of deviceIds) await api(baseUrl, nurse, 'POST', `/api/queue/devices/${id}/revoke`).catch(() => {});
    await pool.end();
  }
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('kangyun_sid='));
  if (!res.ok || !cookie) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  return cookie;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function api(baseUrl: string, cookie: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(baseUrl + path, {
    method, headers: { cookie, 'accept-language': 'zh-CN', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (x: number) => Math.round(x * 10) / 10;
