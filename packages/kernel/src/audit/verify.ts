import type pg from 'pg';
import { withTransaction } from '../db/pool.js';
import type { CryptoProvider } from '../crypto/types.js';
import { AUDIT_GENESIS, AUDIT_ROW_COLUMNS, canonicalAuditRow, type AuditRow } from './canonical.js';

export interface AuditVerification {
  ok: boolean;
  /** sealed rows checked */
  checked: number;
  /** rows written but not yet sealed (the sealer runs every second) */
  unsealed: number;
  /** the first link that does not hold */
  firstBroken?: { seq: number; id: number | null; reason: 'hash_mismatch' | 'missing_row' | 'head_mismatch' | 'anchor_mismatch' | 'anchor_signature' };
}

/**
 * Recomputes the whole chain in seq order and checks every signed anchor. The walk runs in one
 * REPEATABLE READ snapshot: otherwise the sealer could link new rows between the last batch read
 * and the head check, which would look like a missing row.
 */
export async function verifyAuditChain(pool: pg.Pool, crypto: CryptoProvider, batch = 5000): Promise<AuditVerification> {
  return withTransaction(pool, (client) => walkChain(client, crypto, batch), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}

async function walkChain(pool: Pick<pg.PoolClient, 'query'>, crypto: CryptoProvider, batch: number): Promise<AuditVerification> {
  const unsealed = Number((await pool.query('SELECT count(*) AS n FROM audit_event WHERE seq IS NULL')).rows[0].n);
  const anchors = new Map(
    (await pool.query<{ seq: number; chain_hash: string; signature: string }>('SELECT seq, chain_hash, signature FROM audit_anchor')).rows.map((a) => [a.seq, a]),
  );
  let prev = crypto.hash(AUDIT_GENESIS);
  let expected = 1;
  let checked = 0;
  for (;;) {
    const { rows } = await pool.query<AuditRow & { seq: number; chain_hash: string }>(
      `SELECT ${AUDIT_ROW_COLUMNS}, seq, chain_hash FROM audit_event WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expected, batch],
    );
    for (const row of rows) {
      if (row.seq !== expected) return { ok: false, checked, unsealed, firstBroken: { seq: expected, id: null, reason: 'missing_row' } };
      const { seq, chain_hash, ...data } = row;
      const hash = crypto.hash(prev + canonicalAuditRow(data, seq));
      if (hash !== chain_hash) return { ok: false, checked, unsealed, firstBroken: { seq, id: row.id, reason: 'hash_mismatch' } };
      const anchor = anchors.get(seq);
      if (anchor) {
        if (anchor.chain_hash !== hash) return { ok: false, checked, unsealed, firstBroken: { seq, id: row.id, reason: 'anchor_mismatch' } };
        if (!crypto.verify(`${seq}:${hash}`, anchor.signature)) return { ok: false, checked, unsealed, firstBroken: { seq, id: row.id, reason: 'anchor_signature' } };
      }
      prev = hash;
      expected += 1;
      checked += 1;
    }
    if (rows.length < batch) break;
  }
  const head = (await pool.query<{ last_seq: number; last_hash: string }>('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1')).rows[0];
  if (head && (head.last_seq !== checked || (checked > 0 && head.last_hash !== prev))) {
    return { ok: false, checked, unsealed, firstBroken: { seq: Math.min(head.last_seq, checked + 1), id: null, reason: head.last_seq > checked ? 'missing_row' : 'head_mismatch' } };
  }
  return { ok: true, checked, unsealed };
}
