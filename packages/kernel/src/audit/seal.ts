import type pg from 'pg';
import type { CryptoProvider } from '../crypto/types.js';
import { AUDIT_GENESIS, AUDIT_ROW_COLUMNS, canonicalAuditRow, type AuditRow } from './canonical.js';

const SEAL_LOCK = 727_002;

/**
 * Links unsealed audit rows into the SM3 chain: h(n) = H(h(n-1) ‖ canonical(row n)).
 * Writers only INSERT; this job (one node at a time, by advisory lock) assigns the chain order.
 * Returns how many rows it sealed.
 */
export async function sealAuditBatch(pool: pg.Pool, crypto: CryptoProvider, limit = 5000): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: lock } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [SEAL_LOCK]);
    if (!lock[0].ok) {
      await client.query('ROLLBACK');
      return 0;
    }
    let head = (await client.query<{ last_seq: number; last_hash: string }>('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1')).rows[0];
    if (!head) {
      head = { last_seq: 0, last_hash: crypto.hash(AUDIT_GENESIS) };
      await client.query('INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, $1, $2)', [head.last_seq, head.last_hash]);
    }
    const { rows } = await client.query<AuditRow>(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_event WHERE seq IS NULL ORDER BY id LIMIT $1`, [limit]);
    if (rows.length === 0) {
      await client.query('COMMIT');
      return 0;
    }
    let seq = head.last_seq;
    let hash = head.last_hash;
    const ids: number[] = [];
    const seqs: number[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      seq += 1;
      hash = crypto.hash(hash + canonicalAuditRow(row, seq));
      ids.push(row.id);
      seqs.push(seq);
      hashes.push(hash);
    }
    await client.query(
      `UPDATE audit_event a SET seq = v.seq, chain_hash = v.h FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS v(id, seq, h) WHERE a.id = v.id`,
      [ids, seqs, hashes],
    );
    await client.query('UPDATE audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1', [seq, hash]);
    await client.query('COMMIT');
    return rows.length;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Signs the current chain head (SM2 or ECDSA) so a wholesale rewrite of the chain is detectable. */
export async function anchorAuditChain(pool: pg.Pool, crypto: CryptoProvider): Promise<void> {
  const { rows } = await pool.query<{ last_seq: number; last_hash: string }>('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1');
  const head = rows[0];
  if (!head || head.last_seq === 0) return;
  const signature = crypto.sign(`${head.last_seq}:${head.last_hash}`);
  await pool.query(
    'INSERT INTO audit_anchor (seq, chain_hash, signature, algorithm) VALUES ($1, $2, $3, $4) ON CONFLICT (seq) DO NOTHING',
    [head.last_seq, head.last_hash, signature, crypto.profile === 'sm' ? 'SM2-SM3' : 'ECDSA-P256-SHA256'],
  );
}

/** Seals until nothing is left (used before verification and at shutdown). */
export async function sealAll(pool: pg.Pool, crypto: CryptoProvider): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealAuditBatch(pool, crypto);
    total += n;
    if (n === 0) return total;
  }
}
