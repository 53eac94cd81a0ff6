/**
 * Delivery to a real HTTP gateway on this machine: success with the provider's reference, retries
 * then 'dead', clear failures without a provider or an address, a hanging gateway that blocks
 * nobody, and several workers (nodes) side by side that never send a row twice.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPool, type CallContext, type NotificationMessage } from '@kangyun/kernel';
import type { TestPlatform } from '@kangyun/server/testing/index.ts';
import { DEFAULT_DELIVERY_OPTIONS, DeliveryWorker, type DeliveryOptions } from '../index.js';
import { accountId, contextOf, institutionId, outboxRows, setProvider, sleep, startGateway, startWith } from '../test-helpers.js';

let p: TestPlatform;
let h001: number;
let c001: number;
let c002: number;
let nurse: CallContext; // 示例市第一人民医院
let zhao: CallContext; // 城东社区
let chen: CallContext; // 城西社区
let gateway: Awaited<ReturnType<typeof startGateway>>;

const fast: DeliveryOptions = { ...DEFAULT_DELIVERY_OPTIONS, maxAttempts: 3, backoffBaseMs: 20, backoffMaxMs: 100, batchSize: 10 };
const workerWith = (options: Partial<DeliveryOptions> = {}) => new DeliveryWorker(p.kernel.pool, p.kernel.crypto, { ...fast, ...options });

before(async () => {
  p = await startWith({ jobs: false });
  h001 = await institutionId(p, 'H001');
  c001 = await institutionId(p, 'C001');
  c002 = await institutionId(p, 'C002');
  nurse = await contextOf(p, 'nurse.liu');
  zhao = await contextOf(p, 'dr.zhao');
  chen = await contextOf(p, 'dr.chen');
  gateway = await startGateway('ok');
  await setProvider(p, h001, 'sms', gateway.url, { key: 'sms-secret-key' });
  await setProvider(p, h001, 'wechat', gateway.url, { key: 'wechat-secret-key' });
});
after(async () => {
  await gateway.close();
  await p.close();
});

let nextPatient = 50_000;
const message = (channels: NotificationMessage['channels'], to?: string): NotificationMessage => ({
  recipient: { kind: 'patient', patientId: nextPatient++ },
  kind: 'appointment.booked',
  title: '预约成功',
  body: '您已预约 3 月 5 日上午 安宁疗护科，请按时就诊。',
  link: '/appointments/7',
  channels,
  toEncrypted: to ? { sms: p.kernel.crypto.encryptField(to), wechat: p.kernel.crypto.encryptField(`openid-${to}`) } : undefined,
});
const queue = (ctx: CallContext, messages: NotificationMessage[]) => p.kernel.scoped(ctx, (db) => p.kernel.notify(db, messages));
const rowsOf = (patientId: number) => outboxRows(p, 'patient_id = $1', [patientId]);
const due = (patientId: number) => p.kernel.pool.query("UPDATE notification_outbox SET next_attempt_at = now() WHERE patient_id = $1 AND status = 'pending'", [patientId]);

describe('delivering to the gateway', () => {
  test('SMS and WeChat are posted with the key, the message and its id; the gateway\'s reference is kept', async () => {
    const m = message(['sms', 'wechat'], '13812345678');
    await queue(nurse, [m]);
    const before = gateway.hits.length;
    const worker = workerWith();
    // the in-app row was delivered by the commit; the job sends the other two
    assert.deepEqual(await worker.runOnce(), { inApp: 0, external: 2 });
    const hits = gateway.hits.slice(before);
    assert.equal(hits.length, 2);
    const rows = await rowsOf(m.recipient.kind === 'patient' ? m.recipient.patientId : 0);
    const sms = rows.find((r) => r.channel === 'sms');
    const wechat = rows.find((r) => r.channel === 'wechat');
    const smsHit = hits.find((h) => h.body.channel === 'sms')!;
    const wechatHit = hits.find((h) => h.body.channel === 'wechat')!;
    assert.deepEqual(smsHit.body, {
      id: String(sms.id), channel: 'sms', to: '13812345678', title: '预约成功', body: m.body, kind: 'appointment.booked', link: '/appointments/7',
    });
    assert.equal(smsHit.headers.authorization, 'Bearer sms-secret-key');
    assert.equal(smsHit.headers['idempotency-key'], `kangyun-${sms.id}`);
    assert.equal(smsHit.headers['content-type'], 'application/json');
    assert.equal(wechatHit.body.to, 'openid-13812345678');
    assert.equal(wechatHit.headers.authorization, 'Bearer wechat-secret-key');
    for (const r of rows) {
      assert.equal(r.status, 'sent', r.channel);
      assert.ok(r.sent_at);
      assert.equal(r.attempts, 1);
      assert.equal(r.last_error, null);
    }
    assert.match(sms.provider_ref, /^GW-\d+$/);
    assert.match(wechat.provider_ref, /^GW-\d+$/);
    assert.notEqual(sms.provider_ref, wechat.provider_ref);
  });

  test('a staff SMS without an address goes to the account\'s mobile number', async () => {
    const li = await accountId(p, 'dr.li');
    await queue(nurse, [{ recipient: { kind: 'staff', accountId: li }, kind: 'appointment.substituted', title: '替诊', body: '请于明天上午替诊。', channels: ['sms'] }]);
    const before = gateway.hits.length;
    await workerWith().deliverExternal();
    assert.equal(gateway.hits.length, before + 1);
    assert.equal(gateway.hits[before].body.to, '13900000002');
    assert.deepEqual((await outboxRows(p, "account_id = $1 AND channel = 'sms'", [li])).map((r) => r.status), ['sent']);
  });

  test('a gateway answering 500 is retried with growing waits, then given up (dead)', async () => {
    gateway.setMode('fail');
    try {
      const m = message(['sms'], '13800000003');
      const patient = (m.recipient as { patientId: number }).patientId;
      await queue(nurse, [m]);
      const worker = workerWith();
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        assert.equal(await worker.deliverExternal(), 1, `attempt ${attempt} is taken`);
        const sms = (await rowsOf(patient)).find((r) => r.channel === 'sms');
        assert.equal(sms.attempts, attempt);
        assert.match(sms.last_error, /^http_status: 500 gateway exploded$/);
        if (attempt < 3) {
          assert.equal(sms.status, 'pending');
          waits.push(new Date(sms.next_attempt_at).getTime() - Date.now());
          assert.equal(await worker.deliverExternal(), 0, 'not again before its time');
          await sleep(120);
        } else {
          assert.equal(sms.status, 'dead');
        }
      }
      assert.ok(waits[0] <= 25 && waits[1] > waits[0], `backoff grows: ${waits}`);
      await due(patient);
      assert.equal(await worker.deliverExternal(), 0, 'a dead row is never picked up again');
      const hits = gateway.hits.filter((h) => h.body.to === '13800000003');
      assert.equal(hits.length, 3);
      assert.equal(new Set(hits.map((h) => h.body.id)).size, 1, 'every retry carries the same id');
    } finally {
      gateway.setMode('ok');
    }
  });

  test('without a provider, a disabled one or an address the row fails at once with a clear reason', async () => {
    const noProvider = message(['sms'], '13800000004');
    await queue(zhao, [noProvider]); // 城东 has no provider
    const noAddress = message(['sms']);
    await queue(nurse, [noAddress]);
    await setProvider(p, c002, 'wechat', gateway.url, { enabled: false });
    const disabled = message(['wechat'], '13800000005');
    await queue(chen, [disabled]);
    const before = gateway.hits.length;
    await workerWith().deliverExternal();
    assert.equal(gateway.hits.length, before, 'nothing was posted');
    const reason = async (m: NotificationMessage) => {
      const row = (await rowsOf((m.recipient as { patientId: number }).patientId)).find((r) => r.channel !== 'inapp');
      return [row.status, row.last_error];
    };
    assert.deepEqual(await reason(noProvider), ['failed', 'no_provider']);
    assert.deepEqual(await reason(noAddress), ['failed', 'no_address']);
    assert.deepEqual(await reason(disabled), ['failed', 'provider_disabled']);
    assert.equal((await rowsOf((noProvider.recipient as { patientId: number }).patientId))[0].institution_id, c001);
  });
});

describe('nothing waits on a gateway', () => {
  test('a hanging gateway: queuing returns at once, in-app delivery goes on, the send times out and is retried later', async () => {
    const hang = await startGateway('hang');
    try {
      await setProvider(p, h001, 'sms', hang.url, { timeoutMs: 1500 });
      const first = message(['sms'], '13800000006');
      await queue(nurse, [first]);
      const worker = workerWith();
      const sending = worker.deliverExternal();
      await sleep(100);
      assert.equal(hang.hits.length, 1, 'the gateway has the request and does not answer');
      // meanwhile a booking commits without waiting and its in-app message is delivered with it
      const started = Date.now();
      const second = message(['sms'], '13800000007');
      await queue(nurse, [second]);
      const queued = Date.now() - started;
      assert.ok(queued < 500, `queuing took ${queued} ms`);
      await worker.deliverInApp();
      const patient = (second.recipient as { patientId: number }).patientId;
      assert.equal((await rowsOf(patient)).find((r) => r.channel === 'inapp').status, 'sent');
      await sending;
      const sms = (await rowsOf((first.recipient as { patientId: number }).patientId)).find((r) => r.channel === 'sms');
      assert.equal(sms.status, 'pending');
      assert.equal(sms.last_error, 'timeout: 1500');
      assert.equal(sms.attempts, 1);
    } finally {
      await setProvider(p, h001, 'sms', gateway.url, { key: 'sms-secret-key' });
      await hang.close();
    }
  });

  test('an unreachable gateway (connection refused) is a retryable network error', async () => {
    const gone = await startGateway('ok');
    const url = gone.url;
    await gone.close();
    await setProvider(p, c001, 'sms', url, { timeoutMs: 1000 });
    try {
      const m = message(['sms'], '13800000008');
      await queue(zhao, [m]);
      await p.kernel.pool.query("UPDATE notification_outbox SET next_attempt_at = now() WHERE status = 'pending'");
      await workerWith().deliverExternal();
      const sms = (await rowsOf((m.recipient as { patientId: number }).patientId)).find((r) => r.channel === 'sms');
      assert.equal(sms.status, 'pending');
      assert.match(sms.last_error, /^network: ECONNREFUSED/);
    } finally {
      await p.kernel.pool.query('DELETE FROM notification_provider WHERE institution_id = $1', [c001]);
    }
  });
});

describe('several nodes', () => {
  test('four workers running at once send every row exactly once', async () => {
    // rows left pending by earlier tests are put out of the way
    await p.kernel.pool.query("UPDATE notification_outbox SET status = 'cancelled' WHERE status = 'pending'");
    const slow = await startGateway('ok', 30);
    try {
      await setProvider(p, h001, 'sms', slow.url);
      const messages = Array.from({ length: 120 }, (_, i) => message(['sms'], `1370000${String(i).padStart(4, '0')}`));
      await queue(nurse, messages);
      // two "nodes", each with its own connection pool, each running two workers
      const other = createPool(p.databaseUrl, 4);
      const workers = [0, 1, 2, 3].map((i) => new DeliveryWorker(i % 2 ? other : p.kernel.pool, p.kernel.crypto, { ...fast, batchSize: 7 }));
      const counts = await Promise.all(workers.map((w) => w.deliverExternal())).finally(() => other.end());
      // a round ends early when a batch comes back short; run until nothing is left
      while (await workers[0].deliverExternal() > 0);
      const ids = slow.hits.map((h) => h.body.id);
      assert.equal(ids.length, 120, `sent ${ids.length} (workers took ${counts})`);
      assert.equal(new Set(ids).size, 120, 'no row was sent twice');
      assert.ok(counts.filter((n) => n > 0).length >= 2, `the work was shared: ${counts}`);
      const patients = messages.map((m) => (m.recipient as { patientId: number }).patientId);
      const { rows } = await p.kernel.pool.query(
        "SELECT status, attempts, count(*)::int AS n FROM notification_outbox WHERE channel = 'sms' AND patient_id = ANY($1) GROUP BY 1, 2", [patients]);
      assert.deepEqual(rows, [{ status: 'sent', attempts: 1, n: 120 }]);
    } finally {
      await setProvider(p, h001, 'sms', gateway.url, { key: 'sms-secret-key' });
      await slow.close();
    }
  });

  test('a claim is honoured: a row another worker holds is not taken until its lease ends', async () => {
    await p.kernel.pool.query("UPDATE notification_outbox SET status = 'cancelled' WHERE status = 'pending'");
    const hang = await startGateway('hang');
    try {
      await setProvider(p, h001, 'sms', hang.url, { timeoutMs: 800 });
      await queue(nurse, [message(['sms'], '13800000009')]);
      const a = workerWith({ leaseMs: 60_000 });
      const b = workerWith({ leaseMs: 60_000 });
      const sending = a.deliverExternal();
      await sleep(100);
      assert.equal(await b.deliverExternal(), 0, 'the claimed row is not due for anyone else');
      await sending;
      assert.equal(hang.hits.length, 1);
    } finally {
      await setProvider(p, h001, 'sms', gateway.url, { key: 'sms-secret-key' });
      await hang.close();
    }
  });
});
