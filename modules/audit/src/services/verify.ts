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

async function run(kernel: Kernel): Promise<AuditVerification> {
  await sealAll(kernel.pool, kernel.crypto);
  return verifyAuditChain(kernel.pool, kernel.crypto);
}
