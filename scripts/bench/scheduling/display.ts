import type { Row } from '../report.js';

/** filled in once the queue module's display-latency bench lands */
export async function displayBench(_o: { dbUrl: string; baseUrl: string }): Promise<{ rows: Row[] }> {
  return { rows: [] };
}
