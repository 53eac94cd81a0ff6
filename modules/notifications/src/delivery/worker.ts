import type { CryptoProvider, ExternalChannel, Kernel, Pool } from '@kangyun/kernel';
import { backoffMs, type DeliveryOptions } from '../options.js';
import { loadProviders, providerKey, type ProviderRow } from '../providers/store.js';
import { errorText } from './errors.js';
import { postToGateway, type GatewayResult } from './gateway.js';

type Logger = Kernel['log'];

interface ClaimedRow {
  id: number;
  institution_id: number;
  recipient_kind: 'patient' | 'staff';
  channel: ExternalChannel;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  to_enc: string | null;
  attempts: number;
  staff_mobile: string | null;
}

type Outcome = { status: 'sent'; providerRef: string | null } | { status: 'pending' | 'failed' | 'dead'; error: string };

const IN_APP_BATCH = 1000;
const MAX_ROUNDS = 20;
/** a round of SMS/WeChat sending keeps claiming while batches come back full, for at most this long */
const ROUND_BUDGET_MS = 10_000;

/**
 * Sends what the outbox holds. Stateless: several nodes run it side by side over one database.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so two workers never take the same row; a claim
 * moves the row's next_attempt_at forward by the lease and counts the attempt, and the result is
 * written only if the row still carries that attempt (a worker that outlived its lease cannot
 * overwrite a newer attempt). A node dying mid-send leaves the row to be retried once the lease ends.
 */
export class DeliveryWorker {
  constructor(
    private readonly pool: Pool,
    private readonly crypto: CryptoProvider,
    private readonly options: DeliveryOptions,
    private readonly log?: Logger,
  ) {}

  /** In-app messages need no provider: due ones are marked sent (the inbox shows sent messages). */
  async deliverInApp(): Promise<number> {
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const { rowCount } = await this.pool.query({
        name: 'notifications.inapp',
        text: `WITH due AS (
             SELECT id FROM notification_outbox WHERE status = 'pending' AND channel = 'inapp' AND next_attempt_at <= now()
             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
           UPDATE notification_outbox o SET status = 'sent', sent_at = now(), attempts = o.attempts + 1
           FROM due WHERE o.id = due.id`,
        values: [IN_APP_BATCH],
      });
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < IN_APP_BATCH) break;
    }
    return total;
  }

  /** SMS and WeChat: claims due rows in batches and sends each batch in parallel. */
  async deliverExternal(): Promise<number> {
    const started = Date.now();
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claimed = await this.claim(this.options.batchSize);
      if (claimed.length === 0) break;
      await this.sendBatch(claimed);
      total += claimed.length;
      if (claimed.length < this.options.batchSize || Date.now() - started > ROUND_BUDGET_MS) break;
    }
    return total;
  }

  async runOnce(): Promise<{ inApp: number; external: number }> {
    return { inApp: await this.deliverInApp(), external: await this.deliverExternal() };
  }

  private async claim(limit: number): Promise<ClaimedRow[]> {
    const { rows } = await this.pool.query<ClaimedRow>({
      name: 'notifications.claim',
      text: `WITH due AS (
           SELECT id FROM notification_outbox
           WHERE status = 'pending' AND channel IN ('sms', 'wechat') AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE notification_outbox o SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
         FROM due WHERE o.id = due.id
         RETURNING o.id, o.institution_id, o.recipient_kind, o.channel, o.kind, o.title, o.body, o.link, o.to_enc, o.attempts,
           (SELECT a.mobile FROM account a WHERE a.id = o.account_id) AS staff_mobile`,
      values: [limit, this.options.leaseMs],
    });
    return rows;
  }

  private async sendBatch(rows: ClaimedRow[]): Promise<void> {
    const providers = await loadProviders(this.pool, [...new Set(rows.map((r) => r.institution_id))]);
    const keys = new Map<ProviderRow, string | null | Error>();
    const keyOf = (p: ProviderRow) => {
      if (!keys.has(p)) {
        try {
          keys.set(p, p.key_enc ? this.crypto.decryptField(p.key_enc) : null);
        } catch (err) {
          keys.set(p, err as Error);
        }
      }
      return keys.get(p)!;
    };
    const done: [ClaimedRow, Outcome][] = [];
    await Promise.all(rows.map(async (row) => {
      try {
        done.push([row, await this.send(row, providers.get(providerKey(row.institution_id, row.channel)), keyOf)]);
      } catch (err) {
        // the row stays claimed until its lease ends, then it is tried again
        this.log?.error({ err, notification: row.id }, 'notification delivery failed unexpectedly');
      }
    }));
    // one statement (one commit) for the whole batch, not one per row
    if (done.length) await this.finishMany(done);
  }

  private async send(row: ClaimedRow, provider: ProviderRow | undefined, keyOf: (p: ProviderRow) => string | null | Error): Promise<Outcome> {
    if (!provider) return { status: 'failed', error: errorText('no_provider') };
    if (!provider.enabled) return { status: 'failed', error: errorText('provider_disabled') };
    const key = keyOf(provider);
    if (key instanceof Error) return { status: 'failed', error: errorText('bad_key') };
    let to: string | null = null;
    if (row.to_enc) {
      try {
        to = this.crypto.decryptField(row.to_enc);
      } catch {
        return { status: 'failed', error: errorText('bad_address') };
      }
    } else if (row.channel === 'sms' && row.recipient_kind === 'staff') {
      to = row.staff_mobile;
    }
    if (!to) return { status: 'failed', error: errorText('no_address') };
    const result: GatewayResult = await postToGateway(this.options.fetch, { url: provider.url, key, timeoutMs: provider.timeout_ms }, {
      id: String(row.id), channel: row.channel, to, title: row.title, body: row.body, kind: row.kind, link: row.link,
    });
    if (result.ok) return { status: 'sent', providerRef: result.providerRef };
    this.log?.warn({ notification: row.id, channel: row.channel, attempts: row.attempts, error: result.error }, 'notification not delivered');
    return { status: row.attempts >= this.options.maxAttempts ? 'dead' : 'pending', error: result.error };
  }

  private async finishMany(done: [ClaimedRow, Outcome][]): Promise<void> {
    await this.pool.query({
      name: 'notifications.finish',
      text: `UPDATE notification_outbox o SET status = f.status,
           last_error = f.error, provider_ref = coalesce(f.ref, o.provider_ref),
           sent_at = CASE WHEN f.status = 'sent' THEN now() ELSE o.sent_at END,
           next_attempt_at = CASE WHEN f.status = 'pending' THEN now() + make_interval(secs => f.retry_ms / 1000) ELSE o.next_attempt_at END
         FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::double precision[]) AS f(id, attempts, status, error, ref, retry_ms)
         WHERE o.id = f.id AND o.attempts = f.attempts AND o.status = 'pending'`,
      values: [
        done.map(([r]) => r.id), done.map(([r]) => r.attempts), done.map(([, o]) => o.status),
        done.map(([, o]) => (o.status === 'sent' ? null : o.error)), done.map(([, o]) => (o.status === 'sent' ? o.providerRef : null)),
        done.map(([r, o]) => (o.status === 'pending' ? backoffMs(this.options, r.attempts) : 0)),
      ],
    });
  }
}
