/**
 * Closed-loop POST load with autocannon: each request gets a fresh JSON body (a random patient
 * and session). Latencies per request at sub-millisecond resolution, status counts kept.
 */
import autocannon, { type Result as AutocannonResult } from 'autocannon';
import { percentile, round } from '../util.js';

export interface PostLoadSpec {
  baseUrl: string;
  path: string;
  headers: Record<string, string>;
  nextBody: () => unknown;
  connections: number;
  durationS: number;
}

export interface PostFigures {
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
}

export async function runPostLoad(spec: PostLoadSpec): Promise<PostFigures> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon({
      url: spec.baseUrl,
      connections: spec.connections,
      duration: spec.durationS,
      timeout: 10,
      headers: { 'accept-language': 'zh-CN', 'content-type': 'application/json', ...spec.headers },
      requests: [{ method: 'POST', path: spec.path, setupRequest: (req) => ({ ...req, body: JSON.stringify(spec.nextBody()) }) }],
    }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_c: unknown, statusCode: number, _b: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  return {
    connections: spec.connections, durationS: result.duration, requests: latencies.length, rps: round(latencies.length / result.duration, 0),
    p50: round(percentile(sorted, 50), 2), p90: round(percentile(sorted, 90), 2), p99: round(percentile(sorted, 99), 2),
    max: round(sorted[sorted.length - 1] ?? NaN, 2), errors: result.errors, timeouts: result.timeouts, statusCounts,
  };
}
