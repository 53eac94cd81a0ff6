import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { book, patients, portalCookie, todaySession } from '../test/fixtures.js';
import { SseClient } from '../test/sse-client.js';

let p: TestPlatform;
let nurse: ApiClient;
let doctor: ApiClient;
const open: SseClient[] = [];
before(async () => {
  p = await startTestPlatform({ startJobs: false });
  [nurse, doctor] = await Promise.all([p.as('nurse.triage'), p.as('dr.zhang')]);
});
after(async () => {
  for (const s of open) s.close();
  await p.close();
});

async function stream(query: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const s = await SseClient.open(`${p.baseUrl}/api/queue/stream?${query}`, headers);
  open.push(s);
  return s;
}

const ROOM_201 = '门诊楼 2 楼 201 诊室';

describe('display screens and live updates', () => {
  test('a registered screen gets a snapshot, then a call within a second; a reconnect resumes with a snapshot and the missed calls', async () => {
    const areas = await nurse.get('/api/queue/areas');
    const cardio = areas.body.find((a: { name: string }) => a.name === '门诊二楼心内科候诊区');
    const reg = await nurse.post('/api/queue/devices', { name: '测试大屏', kind: 'big_screen', areaIds: [cardio.id] });
    assert.equal(reg.status, 201, reg.text);
    assert.match(reg.body.url, /^\/display\/big\?device=/);
    const { rows } = await p.kernel.pool.query('SELECT token_hash FROM display_device WHERE id = $1', [reg.body.device.id]);
    assert.notEqual(rows[0].token_hash, reg.body.token, 'only the hash is stored');

    const screen = await stream(`device=${encodeURIComponent(reg.body.token)}`);
    const snap = JSON.parse((await screen.waitFor((e) => e.event === 'snapshot')).data);
    assert.deepEqual(snap.rooms.map((r: { name: string }) => r.name), ['201 诊室', '202 诊室']);
    assert.equal(snap.areas[0].templates.call.template, '请{number}号{name}到{room}就诊');

    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    assert.equal(s.room, ROOM_201);
    const [a, b] = await patients(p.kernel.pool, 2, { maxAge: 60 });
    const first = await nurse.post('/api/queue/checkin', { appointmentId: await book(p.kernel.pool, s, a, 1, 5) });
    await nurse.post('/api/queue/checkin', { appointmentId: await book(p.kernel.pool, s, b, 2, 5) });
    await screen.waitFor((e) => e.event === 'queue' && JSON.parse(e.data).state.waiting === 2);

    const staff = await stream(`queueIds=${first.body.queueId}`, { cookie: doctor.cookie! });
    const staffSnap = JSON.parse((await staff.waitFor((e) => e.event === 'snapshot')).data);
    assert.equal(staffSnap.queues[0].waiting, 2);
    assert.equal(staffSnap.queues[0].order.length, 2);

    const t0 = performance.now();
    const from = screen.events.length;
    const call = await doctor.post(`/api/queue/queues/${first.body.queueId}/call-next`, {});
    assert.equal(call.status, 200, call.text);
    const event = await screen.waitFor((e) => e.event === 'call', 1000, from);
    const latency = event.at - t0;
    assert.ok(latency < 1000, `call reached the screen in ${latency} ms`);
    const data = JSON.parse(event.data);
    assert.equal(data.call.ticket, 1);
    assert.equal(data.call.room, ROOM_201);
    assert.match(data.call.name, /^\S\*+\S?$/);
    assert.equal(data.state.current[0].ticket, 1);
    assert.equal(data.state.order, undefined, 'screens do not get the full order');
    assert.match(event.id ?? '', /^\d+$/, 'events carry an id to resume from');
    await staff.waitFor((e) => e.event === 'call' && JSON.parse(e.data).call.callId === call.body.call.callId);

    // the screen drops off; a recall happens meanwhile; it comes back with Last-Event-ID
    screen.close();
    const recall = await doctor.post(`/api/queue/entries/${call.body.entry.entryId}/recall`);
    assert.equal(recall.status, 200, recall.text);
    const back = await stream(`device=${encodeURIComponent(reg.body.token)}`, { 'last-event-id': event.id! });
    const resumed = await back.waitFor((e) => e.event === 'snapshot');
    assert.equal(back.events[0], resumed, 'the snapshot comes first');
    const resnap = JSON.parse(resumed.data);
    assert.equal(resnap.queues[0].current[0].callCount, 2);
    assert.equal(resnap.recentCalls[0].kind, 'recall');
    const replay = JSON.parse((await back.waitFor((e) => e.event === 'call')).data);
    assert.equal(replay.replay, true);
    assert.equal(replay.call.callId, recall.body.callId);

    // revoked: the open stream says so and ends; the token answers 401 from then on
    const revoke = await nurse.post(`/api/queue/devices/${reg.body.device.id}/revoke`);
    assert.equal(revoke.status, 200, revoke.text);
    await back.waitFor((e) => e.event === 'revoked', 3000);
    await back.waitForEnd(3000);
    await assert.rejects(SseClient.open(`${p.baseUrl}/api/queue/stream?device=${encodeURIComponent(reg.body.token)}`), (err: Error & { status?: number; body?: string }) => {
      assert.equal(err.status, 401);
      assert.equal(JSON.parse(err.body!).code, 'device_revoked');
      assert.equal(JSON.parse(err.body!).title, '设备已停用');
      return true;
    });
    const info = await p.anonymous().get('/api/queue/display/device', { 'x-display-device': reg.body.token });
    assert.equal(info.status, 401);
    const unknown = await p.anonymous().get('/api/queue/display/device?device=nonsense');
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.code, 'device_unknown');
  });

  test('demo screens answer with their fixed tokens; a kiosk device checks patients in', async () => {
    const big = await p.anonymous().get('/api/queue/display/device?device=demo-big-screen-h001-cardio');
    assert.equal(big.status, 200, big.text);
    assert.equal(big.body.kind, 'big_screen');
    const door = await p.anonymous().get('/api/queue/display/device?device=demo-door-screen-h001-201');
    assert.deepEqual(door.body.rooms.map((r: { name: string }) => r.name), ['201 诊室']);
    const s = await todaySession(p.kernel.pool, '心血管内科专家门诊');
    const [a] = await patients(p.kernel.pool, 1);
    const id = await book(p.kernel.pool, s, a, 3, 0);
    const notKiosk = await p.anonymous().post('/api/queue/display/checkin?device=demo-big-screen-h001-cardio', { code: String(id) });
    assert.equal(notKiosk.status, 403);
    const unreadable = await p.anonymous().post('/api/queue/display/checkin?device=demo-kiosk-h001', { code: 'hello' });
    assert.equal(unreadable.status, 422);
    assert.equal(unreadable.body.errors[0].field, 'code');
    const ok = await p.anonymous().post('/api/queue/display/checkin?device=demo-kiosk-h001', { code: `https://h/m/checkin/${id}` });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.checkinChannel, 'kiosk');
  });

  test('the patient\'s phone follows their place live; waiting times reach the statistics', async () => {
    const s = await todaySession(p.kernel.pool, '心血管内科普通门诊');
    const [a, b] = await patients(p.kernel.pool, 2, { maxAge: 60 });
    const first = await nurse.post('/api/queue/checkin', { appointmentId: await book(p.kernel.pool, s, a, 1, 5) });
    const mine = await book(p.kernel.pool, s, b, 2, 5);
    await nurse.post('/api/queue/checkin', { appointmentId: mine });
    const cookie = await portalCookie(p.kernel, b);
    const phone = await SseClient.open(`${p.baseUrl}/api/portal/queue/stream/${mine}`, { cookie });
    open.push(phone);
    const me = JSON.parse((await phone.waitFor((e) => e.event === 'me')).data);
    assert.equal(me.entry.ahead, 1);
    assert.equal(me.entry.ticket, 2);
    await doctor.post(`/api/queue/queues/${first.body.queueId}/call-next`, {});
    await phone.waitFor((e) => e.event === 'me' && JSON.parse(e.data).entry.ahead === 0, 2000);
    await doctor.post(`/api/queue/queues/${first.body.queueId}/call-next`, {});
    const called = JSON.parse((await phone.waitFor((e) => e.event === 'me' && JSON.parse(e.data).entry.status === 'called', 2000)).data);
    assert.equal(called.calledNow, true);
    assert.equal(called.entry.calledRoomName, '201 诊室');
    await assert.rejects(SseClient.open(`${p.baseUrl}/api/portal/queue/stream/${mine}`), (err: Error & { status?: number }) => err.status === 401);

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const stats = await (await p.as('reg.song')).get(`/api/queue/stats/waiting?from=${today}&to=${today}&departmentId=${s.departmentId}`);
    assert.equal(stats.status, 200, stats.text);
    assert.equal(stats.body[0].departmentName, '心血管内科');
    assert.ok(stats.body[0].count >= 2);
    assert.equal(typeof stats.body[0].p50Minutes, 'number');
    const badRange = await (await p.as('reg.song')).get(`/api/queue/stats/waiting?from=${today}&to=2000-01-01`);
    assert.equal(badRange.status, 422);
    assert.equal(badRange.body.errors[0].field, 'to');
  });
});
