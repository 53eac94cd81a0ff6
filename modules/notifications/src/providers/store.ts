import type { CryptoProvider, ExternalChannel, Queryable } from '@kangyun/kernel';

/** One row of notification_provider. */
export interface ProviderRow {
  institution_id: number;
  channel: ExternalChannel;
  url: string;
  key_enc: string | null;
  enabled: boolean;
  timeout_ms: number;
  updated_by: number | null;
  updated_by_name: string | null;
  updated_at: Date;
}

const COLUMNS = `p.institution_id, p.channel, p.url, p.key_enc, p.enabled, p.timeout_ms, p.updated_by, a.display_name AS updated_by_name, p.updated_at`;

export const providerKey = (institutionId: number, channel: string) => `${institutionId}:${channel}`;

/** Providers of the given institutions, keyed by `institution:channel`. */
export async function loadProviders(db: Queryable, institutionIds: number[]): Promise<Map<string, ProviderRow>> {
  if (institutionIds.length === 0) return new Map();
  const { rows } = await db.query<ProviderRow>(
    `SELECT ${COLUMNS} FROM notification_provider p LEFT JOIN account a ON a.id = p.updated_by WHERE p.institution_id = ANY($1::bigint[])`,
    [institutionIds]);
  return new Map(rows.map((r) => [providerKey(r.institution_id, r.channel), r]));
}

export async function loadProvider(db: Queryable, institutionId: number, channel: ExternalChannel): Promise<ProviderRow | null> {
  return (await loadProviders(db, [institutionId])).get(providerKey(institutionId, channel)) ?? null;
}

export interface ProviderInput {
  url: string;
  /** undefined keeps the stored key, '' removes it, anything else replaces it */
  apiKey?: string;
  enabled: boolean;
  timeoutMs: number;
}

export async function saveProvider(db: Queryable, crypto: CryptoProvider, institutionId: number, channel: ExternalChannel, input: ProviderInput, accountId: number | null): Promise<void> {
  const keyEnc = input.apiKey === undefined ? null : input.apiKey === '' ? null : crypto.encryptField(input.apiKey);
  await db.query(
    `INSERT INTO notification_provider (institution_id, channel, url, key_enc, enabled, timeout_ms, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (institution_id, channel) DO UPDATE SET url = EXCLUDED.url,
       key_enc = CASE WHEN $8::boolean THEN notification_provider.key_enc ELSE EXCLUDED.key_enc END,
       enabled = EXCLUDED.enabled, timeout_ms = EXCLUDED.timeout_ms, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [institutionId, channel, input.url, keyEnc, input.enabled, input.timeoutMs, accountId, input.apiKey === undefined],
  );
}
