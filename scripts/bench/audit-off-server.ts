/**
 * Baseline server for the audit-cost measurement, used only while the kernel has no
 * KANGYUN_BENCH_AUDIT_OFF switch: the product's own start command (runStart → startPlatform
 * with the product's modules), plus one extra module whose start hook, run before any route is
 * built, replaces `kernel.audit` with a no-op. Every other step of a read — authentication,
 * the scoped RLS transaction, the patient query, decryption, serialisation, the sealer job —
 * is the product's. Nothing in the product is changed; this file is never part of `npm start`.
 */
import { loadConfig, type KangyunModule } from '@kangyun/kernel';
import { startPlatform } from '../../packages/server/src/platform.js';
import { modules } from '../../packages/server/src/modules.js';

const auditOff: KangyunModule = {
  name: 'bench-audit-off',
  start(kernel) {
    kernel.audit = async () => {};
    kernel.log.warn('benchmark baseline: kernel.audit is a no-op in this process');
  },
};

const config = loadConfig();
const platform = await startPlatform({ config, modules: [...modules, auditOff] });
const address = await platform.app.listen({ port: config.port, host: config.host });
platform.kernel.log.warn({ address }, `benchmark audit-off baseline listening on ${address}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await platform.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
