/** How the delivery jobs run. Defaults suit a hospital; tests shorten the waits. */
export interface DeliveryOptions {
  /** pause between two rounds of each delivery job (ms) */
  intervalMs: number;
  /** rows one round claims at most (SMS/WeChat rows of one round are sent in parallel) */
  batchSize: number;
  /** attempts before an SMS/WeChat message is given up ('dead') */
  maxAttempts: number;
  /** wait before the 2nd attempt; doubles each time up to backoffMaxMs */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /**
   * how long a worker's claim on a row lasts; longer than any provider timeout (at most 30 s),
   * so a row is only taken again when the node that claimed it died mid-send
   */
  leaseMs: number;
  /** the HTTP client (tests may wrap it) */
  fetch: typeof fetch;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  intervalMs: 1000,
  batchSize: 50,
  maxAttempts: 6,
  backoffBaseMs: 60_000,
  backoffMaxMs: 3_600_000,
  leaseMs: 120_000,
  fetch: (...args) => fetch(...args),
};

const positive = (value: string | undefined): number | undefined => {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/** KANGYUN_NOTIFY_INTERVAL_MS, KANGYUN_NOTIFY_BATCH, KANGYUN_NOTIFY_MAX_ATTEMPTS, KANGYUN_NOTIFY_BACKOFF_MS override the defaults. */
export function deliveryOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<DeliveryOptions> {
  const picked: Partial<DeliveryOptions> = {
    intervalMs: positive(env.KANGYUN_NOTIFY_INTERVAL_MS),
    batchSize: positive(env.KANGYUN_NOTIFY_BATCH),
    maxAttempts: positive(env.KANGYUN_NOTIFY_MAX_ATTEMPTS),
    backoffBaseMs: positive(env.KANGYUN_NOTIFY_BACKOFF_MS),
  };
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined));
}

/** wait before the next attempt after `attempts` failed ones */
export function backoffMs(options: Pick<DeliveryOptions, 'backoffBaseMs' | 'backoffMaxMs'>, attempts: number): number {
  return Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}
