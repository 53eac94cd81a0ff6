/**
 * The HTTP side with the delivery jobs running: provider settings (the key goes in, never comes
 * out), the test message, the delivery list with its filters, export and resending, the staff
 * inbox, and what other institutions and other roles may not see.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallContext, NotificationMessage } from '@kangyun/kernel';
import type { ApiClient, TestPlatform } from '@kangyun/server/testing/index.ts';
import { accountId, contextOf, eventually, institutionId, outboxRows, startGateway, startWith } from '../test-helpers.js';

let p: TestPlatform;
let admin: ApiClient; // admin.h001, 示例市第一人民医院
let otherAdmin: ApiClient; // admin.c001, 城东社区
let nurse: CallContext;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let h001: number;
const KEY = 'top-secret-gateway-key-7f3a';

before(async () => {
  p = await startWith({ intervalMs: 100, backoffBaseMs: 100, backoffMaxMs: 200, maxAttempts: 2 });
  gateway = await startGateway('ok');
  admin = await p.as('admin.h001');
  otherAdmin = await p.as('admin.c001');
  nurse = await contextOf(p, 'nurse.liu');
  h001 = await institutionId(p, 'H001');
});
after(async () => {
  await gateway.close();
  await p.close();
});

let nextPatient = 70_000;
const queue = async (extra: Partial<NotificationMessage> = {}) => {
  const patientId = nextPatient++;
  await p.kernel.scoped(nurse, (db) => p.kernel.notify(db, {
    recipient: { kind: 'patient', patientId }, kind: 'appointment.booked', title: '预约成功', body: '您已预约 3 月 5 日上午心理科门诊。', ...extra,
  }));
  return patientId;
};
const list = async (query: string, client = admin) => {
  const res = await client.get(`/api/notifications?${query}`);
  assert.equal(res.status, 200, res.text);
  return res.body as { items: Record<string, any>[]; total: number; totalExact: boolean };
};

describe('who may do what', () => {
  test('without notification.read or notification.admin the routes answer 403; signed out, 401', async () => {
    const doctor = await p.as('dr.li');
    for (const path of ['/api/notifications', '/api/notifications/export', '/api/notifications/providers', '/api/notifications/providers/sms']) {
      assert.equal((await doctor.get(path)).status, 403, path);
    }
    assert.equal((await doctor.put('/api/notifications/providers/sms', { url: 'http://x.example/send', enabled: true, timeoutMs: 1000 })).status, 403);
    assert.equal((await doctor.post('/api/notifications/1/retry')).status, 403);
    assert.equal((await p.anonymous().get('/api/notifications/inbox')).status, 401);
    assert.equal((await p.anonymous().get('/api/notifications')).status, 401);
  });

  test('the system administrator configures gateways but sees no messages (三权分立)', async () => {
    const sys = await p.as('sysadmin');
    assert.equal((await sys.get('/api/notifications')).status, 403);
    assert.equal((await sys.get('/api/notifications/providers')).status, 200);
    // region scope: any institution of the region; an institution admin only their own
    const c001 = await institutionId(p, 'C001');
    assert.equal((await sys.get(`/api/notifications/providers?institutionId=${c001}`)).status, 200);
    const refused = await admin.get(`/api/notifications/providers?institutionId=${c001}`);
    assert.equal(refused.status, 403);
  });
});

describe('provider settings', () => {
  test('the key is stored encrypted and never returned, only whether one is set', async () => {
    const empty = await admin.get('/api/notifications/providers/sms');
    assert.equal(empty.status, 200);
    assert.deepEqual({ configured: empty.body.configured, hasKey: empty.body.hasKey, url: empty.body.url }, { configured: false, hasKey: false, url: null });

    const saved = await admin.put('/api/notifications/providers/sms', { url: gateway.url, apiKey: KEY, enabled: true, timeoutMs: 3000 });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.body.hasKey, true);
    assert.equal(saved.body.url, gateway.url);
    assert.equal(saved.body.updatedBy, '钱进');
    assert.ok(!saved.text.includes(KEY));
    assert.ok(!('apiKey' in saved.body) && !('key' in saved.body) && !('keyEnc' in saved.body));

    const both = await admin.get('/api/notifications/providers');
    assert.deepEqual(both.body.map((x: { channel: string; configured: boolean }) => [x.channel, x.configured]), [['sms', true], ['wechat', false]]);
    assert.ok(!both.text.includes(KEY));

    const row = (await p.kernel.pool.query("SELECT key_enc FROM notification_provider WHERE institution_id = $1 AND channel = 'sms'", [h001])).rows[0];
    assert.ok(!row.key_enc.includes(KEY));
    assert.equal(p.kernel.crypto.decryptField(row.key_enc), KEY);
    const audited = await p.kernel.pool.query("SELECT detail::text AS d FROM audit_event WHERE action = 'notification.provider_update'");
    assert.equal(audited.rows.length, 1);
    assert.ok(!audited.rows[0].d.includes(KEY));
    assert.match(audited.rows[0].d, /"key": "replaced"/);

    // saving without a key keeps it; an empty key removes it
    const kept = await admin.put('/api/notifications/providers/sms', { url: gateway.url, enabled: true, timeoutMs: 2000 });
    assert.equal(kept.body.hasKey, true);
    assert.equal(kept.body.timeoutMs, 2000);
    const removed = await admin.put('/api/notifications/providers/wechat', { url: gateway.url, apiKey: '', enabled: false, timeoutMs: 2000 });
    assert.equal(removed.body.hasKey, false);
    assert.equal(removed.body.enabled, false);
  });

  test('bad settings are refused field by field', async () => {
    const res = await admin.put('/api/notifications/providers/sms', { url: 'ftp://gateway/send', enabled: true, timeoutMs: 10 });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field).sort(), ['timeoutMs', 'url']);
    assert.match(res.body.errors.find((e: { field: string }) => e.field === 'url').message, /^服务地址/);
    assert.equal((await admin.put('/api/notifications/providers/fax', { url: gateway.url, enabled: true, timeoutMs: 1000 })).status, 422);
  });

  test('“send a test message” posts through the saved settings and reports the gateway\'s answer', async () => {
    await admin.put('/api/notifications/providers/sms', { url: gateway.url, apiKey: KEY, enabled: true, timeoutMs: 2000 });
    const before = gateway.hits.length;
    const res = await admin.post('/api/notifications/providers/sms/test', { destination: '13811112222' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.ok, true);
    assert.match(res.body.providerRef, /^GW-/);
    const hit = gateway.hits[before];
    assert.equal(hit.headers.authorization, `Bearer ${KEY}`);
    assert.equal(hit.body.to, '13811112222');
    assert.equal(hit.body.kind, 'notification.test');
    assert.match(hit.body.body, /短信通道配置正确/);
    const audited = (await p.kernel.pool.query("SELECT detail FROM audit_event WHERE action = 'notification.provider_test' ORDER BY id DESC LIMIT 1")).rows[0];
    assert.equal(audited.detail.destination, '138****2222');

    gateway.setMode('fail');
    try {
      const failed = await admin.post('/api/notifications/providers/sms/test', { destination: '13811112222' });
      assert.equal(failed.body.ok, false);
      assert.equal(failed.body.error, '服务商返回错误：HTTP 500 gateway exploded');
    } finally {
      gateway.setMode('ok');
    }
    const none = await otherAdmin.post('/api/notifications/providers/sms/test', { destination: '13811112222' });
    assert.equal(none.status, 409);
    assert.equal(none.body.title, '尚未配置短信服务商');
  });
});

describe('delivery status', () => {
  test('queued messages are delivered by the jobs and listed with status, reference and a masked number', async () => {
    await admin.put('/api/notifications/providers/sms', { url: gateway.url, apiKey: KEY, enabled: true, timeoutMs: 2000 });
    const patient = await queue({ channels: ['sms'], toEncrypted: { sms: p.kernel.crypto.encryptField('13955556666') } });
    const res = await eventually(async () => {
      const r = await list(`patientId=${patient}`);
      return r.items.every((i) => i.status === 'sent') && r.items.length === 2 ? r : null;
    });
    assert.equal(res.total, 2);
    const sms = res.items.find((i) => i.channel === 'sms')!;
    assert.equal(sms.destination, '139****6666');
    assert.match(sms.providerRef, /^GW-/);
    assert.equal(sms.institutionName, '示例市第一人民医院');
    assert.equal(sms.recipientKind, 'patient');
    assert.equal(sms.errorText, null);
    assert.ok(!res.items.some((i) => 'to_enc' in i || 'toEnc' in i));
    const inapp = res.items.find((i) => i.channel === 'inapp')!;
    assert.equal(inapp.destination, null);
    // the search is audited with the patient it was about
    const audited = (await p.kernel.pool.query("SELECT patient_id FROM audit_event WHERE action = 'notification.search' ORDER BY id DESC LIMIT 1")).rows[0];
    assert.equal(audited.patient_id, patient);
  });

  test('filters: status, channel, kind prefix, time; a bad time names its field', async () => {
    const patient = await queue({ kind: 'appointment.suspended', channels: ['wechat'], toEncrypted: { wechat: p.kernel.crypto.encryptField('oWx-openid-123456') } });
    await eventually(async () => (await outboxRows(p, "patient_id = $1 AND status = 'failed'", [patient])).length === 1);
    const failed = await list(`status=failed&patientId=${patient}`);
    assert.equal(failed.items.length, 1);
    assert.equal(failed.items[0].channel, 'wechat');
    assert.equal(failed.items[0].lastError, 'provider_disabled');
    assert.equal(failed.items[0].errorText, '微信服务商已停用，启用后可重发');
    assert.equal(failed.items[0].destination, 'oWx-****3456');
    assert.equal((await list(`channel=inapp&patientId=${patient}`)).items.length, 1);
    assert.equal((await list(`kind=appointment.&patientId=${patient}`)).total, 2);
    assert.equal((await list(`kind=appointment.booked&patientId=${patient}`)).total, 0);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    assert.equal((await list(`from=${today}&to=${today}&patientId=${patient}`)).total, 2);
    assert.equal((await list(`from=2099-01-01&patientId=${patient}`)).total, 0);
    const bad = await admin.get('/api/notifications?from=2026-02-30');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].field, 'from');
  });

  test('a failed message is resent after the cause is fixed; sent ones and unknown ids cannot be', async () => {
    const patient = await queue({ channels: ['wechat'], toEncrypted: { wechat: p.kernel.crypto.encryptField('oWx-openid-777') } });
    const row = await eventually(async () => (await outboxRows(p, "patient_id = $1 AND channel = 'wechat' AND status = 'failed'", [patient]))[0]);
    const sent = await eventually(async () => (await outboxRows(p, "patient_id = $1 AND channel = 'inapp' AND status = 'sent'", [patient]))[0]);
    assert.equal((await admin.post(`/api/notifications/${sent.id}/retry`)).status, 409);
    assert.equal((await admin.post('/api/notifications/999999999/retry')).status, 404);
    assert.equal((await otherAdmin.post(`/api/notifications/${row.id}/retry`)).status, 404, 'another institution cannot even tell it exists');
    await admin.put('/api/notifications/providers/wechat', { url: gateway.url, enabled: true, timeoutMs: 2000 });
    const retried = await admin.post(`/api/notifications/${row.id}/retry`);
    assert.equal(retried.status, 200, retried.text);
    assert.equal(retried.body.status, 'pending');
    const done = await eventually(async () => (await outboxRows(p, "id = $1 AND status = 'sent'", [row.id]))[0]);
    assert.match(done.provider_ref, /^GW-/);
    assert.ok(gateway.hits.some((h) => h.body.id === String(row.id) && h.body.to === 'oWx-openid-777'));
    const batch = await admin.post('/api/notifications/retry', { ids: [row.id, sent.id] });
    assert.deepEqual(batch.body, { retried: 0, ids: [] });
    await admin.put('/api/notifications/providers/wechat', { url: gateway.url, enabled: false, timeoutMs: 2000 });
  });

  test('another institution sees none of these rows', async () => {
    const patient = await queue({ channels: ['sms'] });
    const mine = await list(`patientId=${patient}`);
    assert.equal(mine.total, 2);
    const theirs = await list(`patientId=${patient}`, otherAdmin);
    assert.deepEqual(theirs.items, []);
    assert.equal(theirs.total, 0);
    const all = await list('pageSize=200', otherAdmin);
    assert.ok(all.items.every((i) => i.institutionName === '城东社区卫生服务中心'));
    const h = await list(`institutionId=${h001}`, otherAdmin);
    assert.equal(h.total, 0);
  });

  test('export as Excel and CSV, with Chinese headings and masked numbers', async () => {
    const patient = await queue({ channels: ['sms'], toEncrypted: { sms: p.kernel.crypto.encryptField('13700001111') } });
    await eventually(async () => (await outboxRows(p, "patient_id = $1 AND status = 'sent'", [patient])).length === 2);
    const res = await fetch(`${p.baseUrl}/api/notifications/export?format=csv&patientId=${patient}`, { headers: { cookie: admin.cookie!, 'accept-language': 'zh-CN' } });
    assert.equal(res.status, 200);
    const csv = (await res.text()).replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    assert.match(lines[0], /^创建时间（北京时间）,机构,接收人类型,患者ID,职工,通道,接收号码,消息类型/);
    assert.equal(lines.length, 3);
    assert.ok(csv.includes('137****1111'));
    assert.ok(!csv.includes('13700001111'));
    assert.ok(csv.includes('已发送'));
    const xlsx = await fetch(`${p.baseUrl}/api/notifications/export?patientId=${patient}`, { headers: { cookie: admin.cookie! } });
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.match(decodeURIComponent(xlsx.headers.get('content-disposition') ?? ''), /消息发送记录-\d{4}-\d{2}-\d{2}\.xlsx/);
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  });
});

describe('my in-app messages', () => {
  test('a staff member reads their own messages, marks one or all read, and cannot touch anyone else\'s', async () => {
    const liu = nurse.actor.accountId!;
    const li = await accountId(p, 'dr.li');
    await p.kernel.scoped(nurse, (db) => p.kernel.notify(db, [
      { recipient: { kind: 'staff', accountId: liu }, kind: 'appointment.substituted', title: '替诊安排', body: '3 月 5 日上午由您替王建国医师出诊。', link: '/schedule' },
      { recipient: { kind: 'staff', accountId: liu }, kind: 'appointment.suspended', title: '停诊通知', body: '3 月 6 日下午门诊停诊。' },
      { recipient: { kind: 'staff', accountId: li }, kind: 'appointment.suspended', title: '给李医师', body: '不属于刘芳的消息。' },
    ]));
    const me = await p.as('nurse.liu');
    const inbox = await eventually(async () => {
      const r = await me.get('/api/notifications/inbox');
      return r.body.total === 2 ? r : null;
    });
    assert.equal(inbox.status, 200);
    assert.equal(inbox.body.unread, 2);
    assert.deepEqual(inbox.body.items.map((m: { title: string }) => m.title), ['停诊通知', '替诊安排']);
    assert.equal(inbox.body.items[1].link, '/schedule');
    assert.equal(inbox.body.items[1].readAt, null);

    assert.equal((await me.post(`/api/notifications/inbox/${inbox.body.items[1].id}/read`)).status, 204);
    assert.equal((await me.post(`/api/notifications/inbox/${inbox.body.items[1].id}/read`)).status, 204, 'reading twice is fine');
    const unread = await me.get('/api/notifications/inbox?unreadOnly=true');
    assert.deepEqual(unread.body.items.map((m: { title: string }) => m.title), ['停诊通知']);
    assert.equal(unread.body.unread, 1);

    const liMessage = (await outboxRows(p, "account_id = $1 AND title = '给李医师'", [li]))[0];
    assert.equal((await me.post(`/api/notifications/inbox/${liMessage.id}/read`)).status, 404);
    assert.equal((await outboxRows(p, 'id = $1', [liMessage.id]))[0].read_at, null);

    assert.deepEqual((await me.post('/api/notifications/inbox/read-all')).body, { updated: 1 });
    assert.equal((await me.get('/api/notifications/inbox')).body.unread, 0);
    const drLi = await p.as('dr.li');
    assert.deepEqual((await drLi.get('/api/notifications/inbox')).body.items.map((m: { title: string }) => m.title), ['给李医师']);
  });
});
