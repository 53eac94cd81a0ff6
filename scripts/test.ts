/**
 * `npm test`: everything the tests need, then every test.
 * 1. starts a throw-away embedded PostgreSQL under .test-data/ (no DATABASE_URL needed);
 * 2. builds a template database once: all migrations plus the demo data;
 * 3. installs Debian's Chromium if it is missing and builds the web app (browser tests drive the real pages);
 * 4. runs every *.test.ts file with node's test runner; each test file clones the template.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareTestDatabase } from '../packages/server/src/testing/prepare.js';
import { ensureChromium } from './ensure-chromium.js';
import { ensureWebBuilt } from './ensure-web.js';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);

function findTests(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (entry.name.endsWith('.test.ts')) out.push(path.relative(root, p));
  }
  return out;
}

const files = (only.length ? only : [...findTests(path.join(root, 'packages')), ...findTests(path.join(root, 'modules'))]).sort();
const needsBrowser = files.some((f) => f.endsWith('.browser.test.ts'));
if (needsBrowser) {
  ensureChromium();
  ensureWebBuilt({ force: process.env.CI === 'true' });
}

// one folder per run, so parallel runs (two terminals, two agents) never share a database
const runDir = path.join(root, '.test-data', `run-${process.pid}`);
const db = await prepareTestDatabase(runDir);
let code = 1;
try {
  console.log(`running ${files.length} test files`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...db.env },
  });
  code = result.status ?? 1;
} finally {
  await db.stop();
  fs.rmSync(runDir, { recursive: true, force: true });
}
process.exit(code);

