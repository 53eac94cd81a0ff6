import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, startEmbeddedPostgres } from '@kangyun/kernel';
import { migrateAndSeedDemo } from '../platform.js';

export const TEST_PASSWORD_ITERATIONS = 1000;
export const TEMPLATE_DB = 'kangyun_template';

/**
 * Starts a fresh embedded PostgreSQL for a test run and builds the template database
 * (migrations + demo data) that every test file clones. Returns the env the tests need.
 */
export async function prepareTestDatabase(dir: string): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  if (process.env.KANGYUN_TEST_DATABASE_URL) {
    return { env: await buildTemplate(process.env.KANGYUN_TEST_DATABASE_URL, dir), stop: async () => {} };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const embedded = await startEmbeddedPostgres(dir);
  try {
    return { env: await buildTemplate(embedded.url, dir), stop: () => embedded.stop() };
  } catch (err) {
    await embedded.stop();
    throw err;
  }
}

async function buildTemplate(adminUrl: string, dir: string): Promise<Record<string, string>> {
  const keysFile = path.join(dir, 'keys.json');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const config = { ...loadConfig({ KANGYUN_DATA_DIR: dir, KANGYUN_KEYS_FILE: keysFile }), databaseUrl: templateUrl, poolSize: 4, logLevel: 'warn' };
  const started = Date.now();
  await migrateAndSeedDemo(config, templateUrl, { passwordIterations: TEST_PASSWORD_ITERATIONS });
  console.log(`test template database ready in ${Date.now() - started} ms`);
  return { KANGYUN_TEST_ADMIN_URL: adminUrl, KANGYUN_TEST_TEMPLATE: TEMPLATE_DB, KANGYUN_KEYS_FILE: keysFile, KANGYUN_TEST_DIR: dir };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
