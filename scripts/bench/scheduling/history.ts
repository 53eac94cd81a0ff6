import type { Row } from '../report.js';

/** filled in once the historical-data generator lands (modules/scheduling/src/stats/bench-data.ts) */
export async function historyBench(_o: { dbUrl: string; baseUrl: string; cookie: string; patients: number; appointments: number }): Promise<{ rows: Row[] }> {
  return { rows: [] };
}
