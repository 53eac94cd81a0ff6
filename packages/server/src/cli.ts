#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadConfig } from '@kangyun/kernel';
import { runStart } from './commands/start.js';
import { runMigrate } from './commands/migrate.js';
import { runSeedDemo } from './commands/seed-demo.js';
import { runCreateAdmin } from './commands/create-admin.js';
import { runAuditVerify } from './commands/audit-verify.js';

const USAGE = `kangyun — 康云 platform

Usage:
  kangyun start                 start the platform (embedded PostgreSQL unless DATABASE_URL is set)
  kangyun migrate               apply pending database migrations and exit
  kangyun seed-demo             load the demo region, staff and patients (not in production)
  kangyun create-admin --kind system|security|audit --username NAME [--name 显示名] [--institution 机构名 --region 区域名]
                                create an administrator (prints a one-time initial password)
  kangyun audit verify          check the audit log's SM3 hash chain; exit 1 at the first broken link

Environment: PORT (8080), DATABASE_URL, KANGYUN_DATA_DIR (./data), NODE_ENV, KANGYUN_CRYPTO_PROFILE (sm|intl), LOG_LEVEL`;

async function main(): Promise<number> {
  const [command, sub, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'start':
      return runStart(config);
    case 'migrate':
      return runMigrate(config);
    case 'seed-demo':
      return runSeedDemo(config);
    case 'create-admin': {
      const { values } = parseArgs({
        args: [sub, ...rest].filter((a): a is string => a !== undefined),
        options: { kind: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, institution: { type: 'string' }, region: { type: 'string' } },
      });
      return runCreateAdmin(config, values);
    }
    case 'audit':
      if (sub === 'verify') return runAuditVerify(config);
      break;
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
  }
  console.error(`unknown command: ${[command, sub].filter(Boolean).join(' ')}\n\n${USAGE}`);
  return 2;
}

main().then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
