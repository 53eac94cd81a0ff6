import { migrate, type KangyunConfig } from '@kangyun/kernel';
import { migrationSources, openKernel } from '../platform.js';
import { modules } from '../modules.js';
import { seedDemo } from '../seed.js';

export async function runSeedDemo(config: KangyunConfig): Promise<number> {
  if (config.production) {
    console.error('seed-demo refuses to run with NODE_ENV=production');
    return 1;
  }
  const { kernel, embedded } = await openKernel(config);
  try {
    await migrate(kernel.pool, migrationSources(modules));
    for (const m of modules) await m.start?.(kernel);
    const { rows } = await kernel.pool.query("SELECT EXISTS (SELECT 1 FROM org_unit WHERE code = 'R-SL') AS seeded");
    if (rows[0].seeded) {
      console.log('demo data is already loaded');
      return 0;
    }
    await seedDemo(kernel, modules);
    console.log('demo data loaded; see README for the demo accounts');
    return 0;
  } finally {
    await kernel.jobs.stop();
    await kernel.pool.end();
    await embedded?.stop();
  }
}
