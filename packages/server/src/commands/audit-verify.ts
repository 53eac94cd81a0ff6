import { sealAll, verifyAuditChain, type KangyunConfig } from '@kangyun/kernel';
import { openKernel } from '../platform.js';

/** Seals what is pending, recomputes the whole chain and reports the first broken link. */
export async function runAuditVerify(config: KangyunConfig): Promise<number> {
  const { kernel, embedded } = await openKernel(config);
  try {
    await sealAll(kernel.pool, kernel.crypto);
    const result = await verifyAuditChain(kernel.pool, kernel.crypto);
    if (result.ok) {
      console.log(`audit chain intact: ${result.checked} entries verified (${kernel.crypto.profile === 'sm' ? 'SM3' : 'SHA-256'})`);
      return 0;
    }
    const b = result.firstBroken!;
    console.log(`audit chain BROKEN at seq ${b.seq}${b.id ? ` (audit_event id ${b.id})` : ''}: ${b.reason}; ${result.checked} entries before it verified`);
    return 1;
  } finally {
    await kernel.pool.end();
    await embedded?.stop();
  }
}
