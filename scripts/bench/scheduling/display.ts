/** Display latency: call → every connected big screen has it (the queue module's bench, over HTTP). */
import { displayLatencyBench } from '../../../modules/queue/bench/display-latency.js';
import type { Row } from '../report.js';
import { log } from '../util.js';

export async function displayBench(o: { dbUrl: string; baseUrl: string }): Promise<{ rows: Row[]; figures: unknown }> {
  log('  200 screens connected, calls one after another…');
  const r = await displayLatencyBench(o.baseUrl, { databaseUrl: o.dbUrl, screens: 200 });
  log(`    p50 ${r.p50} / p99 ${r.p99} ms over ${r.calls} calls × ${r.screens} screens`);
  return {
    figures: r,
    rows: [{
      what: `display latency, ${r.screens} screens (call request → screen has it)`,
      value: `p99 ${r.p99} ms`,
      detail: `p50 ${r.p50} / max ${r.max} ms over ${r.calls} calls; missed ${r.missed}`,
      target: 'p99 < 500 ms',
      pass: r.p99 < 500 && r.missed === 0,
    }],
  };
}
