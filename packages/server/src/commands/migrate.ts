import { migrate, type KangyunConfig } from '@kangyun/kernel';
import { migrationSources, openKernel } from '../platform.js';
import { modules } from '../modules.js';

export async function runMigrate(config: KangyunConfig): Promise<number> {
  const { kernel, embedded } = await openKernel(config);
  try {
    const applied = await migrate(kernel.pool, migrationSources(modules));
    console.log(applied.length ? `applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m.module}/${String(m.version).padStart(3, '0')}_${m.name}`).join('\n')}` : 'database is up to date');
    return 0;
  } finally {
    await kernel.pool.end();
    await embedded?.stop();
  }
}
