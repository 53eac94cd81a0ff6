import type pg from 'pg';
import pino, { type Logger } from 'pino';
import type { KangyunConfig } from './config.js';
import type { CryptoProvider } from './crypto/types.js';
import { createCrypto } from './crypto/index.js';
import { createPool } from './db/pool.js';
import { withScope, type ScopeOptions, type ScopedClient } from './db/scope.js';
import { scopeOf, type CallContext } from './context.js';
import { writeAudit, type AuditEntry } from './audit/write.js';
import { EventBus } from './events.js';
import { JobRunner } from './jobs.js';
import { loadOrCreateKeys } from './keys.js';
import type { Queryable } from './db/pool.js';
import { enqueueNotifications, type NotificationMessage } from './notify/outbox.js';

/** The services every module receives. Nothing here holds state another node would need. */
export interface Kernel {
  config: KangyunConfig;
  log: Logger;
  /** owner connection: migrations, authentication, jobs. Request code uses `scoped`. */
  pool: pg.Pool;
  crypto: CryptoProvider;
  events: EventBus;
  jobs: JobRunner;
  /** runs fn in a transaction limited to the caller's data scope by row-level security */
  scoped<T>(ctx: CallContext, fn: (db: ScopedClient) => Promise<T>, options?: ScopeOptions): Promise<T>;
  /** appends audit entries inside the given transaction */
  audit(db: ScopedClient, ctx: CallContext, entries: AuditEntry | AuditEntry[]): Promise<void>;
  /** queues notifications in the given transaction (delivered later; see notify/outbox.ts); returns rows written */
  notify(db: Queryable, messages: NotificationMessage | readonly NotificationMessage[]): Promise<number>;
}

export function createKernel(config: KangyunConfig, databaseUrl: string, options: { passwordIterations?: number; logger?: Logger } = {}): Kernel {
  const log = options.logger ?? pino({ level: config.logLevel, base: { service: 'kangyun' } });
  const pool = createPool(databaseUrl, config.poolSize);
  const crypto = createCrypto(loadOrCreateKeys(config.keysFile, config.cryptoProfile), { passwordIterations: options.passwordIterations });
  const jobs = new JobRunner((job, err) => log.error({ err, job }, 'background job failed'));
  const events = new EventBus();
  events.onError((err) => log.error({ err }, 'event handler failed'));
  // Only for `npm run bench` to measure what auditing costs; never honoured in production.
  const auditOff = process.env.KANGYUN_BENCH_AUDIT_OFF === '1' && !config.production;
  if (auditOff) log.warn('KANGYUN_BENCH_AUDIT_OFF=1: patient-data audit entries are NOT written (benchmark baseline only)');
  return {
    config,
    log,
    pool,
    crypto,
    events,
    jobs,
    scoped: (ctx, fn, options) => withScope(pool, scopeOf(ctx.actor), fn, options),
    audit: auditOff ? async () => {} : (db, ctx, entries) => writeAudit(db, { actor: ctx.actor, request: ctx.request }, entries),
    notify: (db, messages) => enqueueNotifications(db, Array.isArray(messages) ? messages : [messages as NotificationMessage]),
  };
}
