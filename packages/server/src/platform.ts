import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import {
  anchorAuditChain, createKernel, kernelMigrations, loadConfig, migrate, sealAll, sealAuditBatch, startEmbeddedPostgres,
  type EmbeddedDatabase, type KangyunConfig, type Kernel, type KangyunModule,
} from '@kangyun/kernel';
import { buildApp } from './app.js';
import { modules as defaultModules } from './modules.js';
import { seedDemo } from './seed.js';

export interface Platform {
  kernel: Kernel;
  app: FastifyInstance;
  embedded: EmbeddedDatabase | null;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  config?: KangyunConfig;
  modules?: readonly KangyunModule[];
  /** set false in tests that drive the sealer themselves */
  startJobs?: boolean;
  /** load demo data if the database has none (default: embedded, non-production) */
  demo?: boolean;
  passwordIterations?: number;
}

export function migrationSources(modules: readonly KangyunModule[]) {
  return [kernelMigrations, ...modules.filter((m) => m.migrations).map((m) => ({ module: m.name, dir: m.migrations! }))];
}

/** Migrations plus demo data on a given database, then closes it: test templates and benchmarks start here. */
export async function migrateAndSeedDemo(config: KangyunConfig, databaseUrl: string, options: { passwordIterations?: number } = {}): Promise<void> {
  const kernel = createKernel(config, databaseUrl, options);
  try {
    await migrate(kernel.pool, migrationSources(defaultModules));
    for (const m of defaultModules) await m.start?.(kernel);
    await seedDemo(kernel, defaultModules);
  } finally {
    await kernel.jobs.stop();
    await kernel.pool.end();
  }
}

/** Opens the database (embedded unless DATABASE_URL is set) and prepares the kernel. */
export async function openKernel(config: KangyunConfig, passwordIterations?: number) {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir);
    url = embedded.url;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const kernel = createKernel(config, url, { passwordIterations });
  return { kernel, embedded };
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const config = options.config ?? loadConfig();
  const modules = options.modules ?? defaultModules;
  const { kernel, embedded } = await openKernel(config, options.passwordIterations);
  try {
    const applied = await migrate(kernel.pool, migrationSources(modules));
    if (applied.length) kernel.log.info({ applied: applied.map((m) => `${m.module}/${m.version}_${m.name}`) }, 'migrations applied');
    for (const m of modules) await m.start?.(kernel);
    const wantDemo = options.demo ?? (!config.production && !config.databaseUrl);
    if (wantDemo && !(await hasAnyAccount(kernel))) {
      kernel.log.info('first start: loading demo data');
      await seedDemo(kernel, modules);
    }
    if (config.production) await refuseDemoCredentials(kernel);
    if (options.startJobs !== false) {
      kernel.jobs.every('audit-seal', config.auditSealIntervalMs, () => sealAuditBatch(kernel.pool, kernel.crypto));
      kernel.jobs.every('audit-anchor', 60_000, () => anchorAuditChain(kernel.pool, kernel.crypto));
      kernel.jobs.every('expired-tokens', 10 * 60_000, () => kernel.pool.query(`DELETE FROM access_token WHERE expires_at < now() - interval '1 day'`));
    }
    const app = await buildApp(kernel, modules);
    let stopped = false;
    return {
      kernel,
      app,
      embedded,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        await kernel.jobs.stop();
        await sealAll(kernel.pool, kernel.crypto).catch((err) => kernel.log.error({ err }, 'final audit seal failed'));
        await kernel.pool.end();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await kernel.pool.end().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw err;
  }
}

async function hasAnyAccount(kernel: Kernel): Promise<boolean> {
  const { rows } = await kernel.pool.query('SELECT EXISTS (SELECT 1 FROM account) AS any');
  return rows[0].any;
}

/** A production start never runs with demo accounts or demo integration clients enabled, and needs an administrator. */
async function refuseDemoCredentials(kernel: Kernel): Promise<void> {
  const { rows } = await kernel.pool.query(
    `SELECT (SELECT count(*) FROM account WHERE demo AND status = 'active') AS demo_accounts,
            (SELECT count(*) FROM oauth_client WHERE demo AND enabled) AS demo_clients,
            (SELECT count(*) FROM account) AS accounts`,
  );
  const r = rows[0];
  if (Number(r.demo_accounts) > 0 || Number(r.demo_clients) > 0) {
    throw new Error('NODE_ENV=production refuses to start with demo accounts or demo integration clients in the database; use a database without demo data');
  }
  if (Number(r.accounts) === 0) {
    throw new Error('no administrator yet: run `npx kangyun create-admin` first (see README)');
  }
}
