import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAuditChain, writeAudit } from '@kangyun/kernel';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { institutionId, sealEverything as sealAllPending } from '../test-helpers.js';

let p: TestPlatform;
let auditor: ApiClient;
before(async () => {
  p = await startTestPlatform(); // the background sealer runs (every 200 ms in tests)
  auditor = await p.as('auditadmin');
});
after(async () => { await p.close(); });

const sql = async (text: string, params: unknown[] = []) => (await p.kernel.pool.query(text, params)).rows;

const sealEverything = () => sealAllPending(p);

/** changes the stored log behind the guard trigger, as someone with the table owner's password could */
async function tamper(statement: string, params: unknown[]) {
  const c = await p.kernel.pool.connect();
  try {
    await c.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    await c.query(statement, params);
  } finally {
    await c.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    c.release();
  }
}

describe('the log is append-only', () => {
  test('UPDATE, DELETE and TRUNCATE are refused even for the table owner', async () => {
    const [row] = await sql('SELECT id FROM audit_event ORDER BY id LIMIT 1');
    await assert.rejects(sql("UPDATE audit_event SET action = 'x' WHERE id = $1", [row.id]), /append-only/);
    await assert.rejects(sql('DELETE FROM audit_event WHERE id = $1', [row.id]), /append-only/);
    await assert.rejects(sql('TRUNCATE audit_event'), /append-only/);
  });

  test('the request role cannot even try', async () => {
    const c = await p.kernel.pool.connect();
    try {
      await c.query('BEGIN; SET LOCAL ROLE kangyun_app');
      await assert.rejects(c.query("UPDATE audit_event SET action = 'x'"), /permission denied/);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });
});

describe('the hash chain', () => {
  test('2000 entries written by 20 concurrent writers are all sealed, each exactly once, in an intact chain', async () => {
    const inst = await institutionId(p, 'H001');
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, async (_, worker) => {
      for (let i = 0; i < 100; i++) {
        await writeAudit(p.kernel.pool, { actorName: `writer.${worker}`, institutionId: inst }, { action: 'test.concurrent', detail: { worker, i } });
      }
    }));
    const wrote = Date.now() - started;
    await sealEverything();
    const [mine] = await sql(`SELECT count(*)::int AS n, count(DISTINCT (detail->>'worker', detail->>'i'))::int AS distinct_pairs,
      count(seq)::int AS sealed FROM audit_event WHERE action = 'test.concurrent'`);
    assert.deepEqual(mine, { n: 2000, distinct_pairs: 2000, sealed: 2000 });
    const [all] = await sql(`SELECT count(*)::int AS n, count(DISTINCT seq)::int AS seqs, min(seq)::int AS lo, max(seq)::int AS hi,
      (SELECT last_seq::int FROM audit_chain_head) AS head FROM audit_event`);
    assert.equal(all.seqs, all.n, 'every row has its own seq');
    assert.equal(all.lo, 1);
    assert.equal(all.hi, all.n, 'seqs are contiguous');
    assert.equal(all.head, all.n);
    const checked = Date.now();
    const result = await verifyAuditChain(p.kernel.pool, p.kernel.crypto);
    assert.deepEqual(result, { ok: true, checked: all.n, unsealed: 0 });
    p.kernel.log.info({ wrote, verified: Date.now() - checked, rows: all.n }, 'audit chain throughput');
  });

  test('POST /api/audit/verify: ok, and the verification is itself audited', async () => {
    const res = await auditor.post('/api/audit/verify');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.ok, true);
    assert.ok(res.body.checked >= 2000);
    assert.equal(res.body.firstBroken, undefined);
    const [entry] = await sql("SELECT outcome, detail FROM audit_event WHERE action = 'audit.verify' ORDER BY id DESC LIMIT 1");
    assert.equal(entry.outcome, 'success');
    assert.equal(entry.detail.checked, res.body.checked);
  });

  test('concurrent verifications share one pass', async () => {
    const results = await Promise.all([auditor.post('/api/audit/verify'), auditor.post('/api/audit/verify')]);
    assert.ok(results.every((r) => r.status === 200 && r.body.ok));
  });

  test('a row altered behind the trigger is found: hash_mismatch at its seq; restoring it heals the chain', async () => {
    await sealEverything();
    const [victim] = await sql("SELECT id, seq, action FROM audit_event WHERE action = 'test.concurrent' AND seq IS NOT NULL ORDER BY seq LIMIT 1 OFFSET 500");
    await tamper("UPDATE audit_event SET action = 'x' WHERE seq = $1", [victim.seq]);
    const broken = await auditor.post('/api/audit/verify');
    assert.equal(broken.body.ok, false);
    assert.deepEqual(broken.body.firstBroken, { seq: victim.seq, id: victim.id, reason: 'hash_mismatch' });
    assert.equal(broken.body.checked, victim.seq - 1);
    const [entry] = await sql("SELECT outcome, detail FROM audit_event WHERE action = 'audit.verify' ORDER BY id DESC LIMIT 1");
    assert.equal(entry.outcome, 'failure');
    assert.equal(entry.detail.firstBroken.reason, 'hash_mismatch');
    await tamper('UPDATE audit_event SET action = $2 WHERE seq = $1', [victim.seq, victim.action]);
    assert.equal((await auditor.post('/api/audit/verify')).body.ok, true);
  });

  test('a deleted sealed row is found: missing_row at its seq', async () => {
    await sealEverything();
    const [victim] = await sql("SELECT seq FROM audit_event WHERE action = 'test.concurrent' ORDER BY seq LIMIT 1 OFFSET 1200");
    await tamper('DELETE FROM audit_event WHERE seq = $1', [victim.seq]);
    const res = await auditor.post('/api/audit/verify');
    assert.equal(res.body.ok, false);
    assert.equal(res.body.firstBroken.seq, victim.seq);
    assert.equal(res.body.firstBroken.reason, 'missing_row');
  });
});
