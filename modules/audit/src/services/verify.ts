import { sealAll, verifyAuditChain, type AuditVerification, type Kernel } from '@kangyun/kernel';

const running = new WeakMap<Kernel, Promise<AuditVerification>>();

/**
 * Seals what is pending, then recomputes the whole chain. Requests arriving while a
 * verification runs share its result instead of starting another full pass.
 */
export function verifyChain(kernel: Kernel): Promise<AuditVerification> {
  let job = running.get(kernel);
  if (!job) {
    job = run(kernel).finally(() => running.delete(kernel));
    running.set(kernel, job);
  }
  return job;
}

/**
 * The walk runs in one REPEATABLE READ snapshot: otherwise the sealer (every second) could link
 * new rows between the last batch read and the head check, which would look like a missing row.
 * verifyAuditChain only issues queries, so the snapshot's client stands in for the pool.
 */
async function run(kernel: Kernel): Promise<AuditVerification> {
  await sealAll(kernel.pool, kernel.crypto);
  const client = await kernel.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = { query: client.query.bind(client) } as unknown as Parameters<typeof verifyAuditChain>[0];
    const result = await verifyAuditChain(snapshot, kernel.crypto);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
