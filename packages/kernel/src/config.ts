import path from 'node:path';

/** Everything the platform reads from its environment, resolved once at start. */
export interface KangyunConfig {
  port: number;
  host: string;
  production: boolean;
  /** external PostgreSQL; undefined means start the embedded one under dataDir */
  databaseUrl?: string;
  dataDir: string;
  logLevel: string;
  cryptoProfile: 'sm' | 'intl';
  /** optional path to a keys file; default `${dataDir}/keys.json` */
  keysFile: string;
  cookieSecure: boolean;
  /** how often the audit sealer runs, ms */
  auditSealIntervalMs: number;
  poolSize: number;
  /** serve the built web app from this folder if it exists */
  webDist?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): KangyunConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.KANGYUN_DATA_DIR ?? './data');
  const cryptoProfile = (env.KANGYUN_CRYPTO_PROFILE ?? 'sm') as 'sm' | 'intl';
  if (cryptoProfile !== 'sm' && cryptoProfile !== 'intl') {
    throw new Error(`KANGYUN_CRYPTO_PROFILE must be "sm" or "intl", got "${cryptoProfile}"`);
  }
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    production,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'info'),
    cryptoProfile,
    keysFile: path.resolve(env.KANGYUN_KEYS_FILE ?? path.join(dataDir, 'keys.json')),
    cookieSecure: env.KANGYUN_COOKIE_SECURE ? env.KANGYUN_COOKIE_SECURE === 'true' : production,
    auditSealIntervalMs: Number(env.KANGYUN_AUDIT_SEAL_MS ?? 1000),
    poolSize: Number(env.KANGYUN_DB_POOL ?? 20),
    webDist: env.KANGYUN_WEB_DIST,
  };
}
