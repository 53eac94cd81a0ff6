import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { demoPatients, freshSession } from '../test/fixtures.js';
import { createSession } from '../sessions/create-session.js';
import { localDate } from '../demo.js';
import { resourceId } from '../test/fixtures.js';

let p: TestPlatform;
let desk: ApiClient;
let car: number; // 心血管内科
let future: { id: number; date: string };
let past: { id: number; date: string };
let baseline: any;

const qs = (params: Record<string, string | number | undefined>) =>
  `?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()}`;

async function getBytes(client: ApiClient, path: string, lang = 'zh-CN') {
  const res = await fetch(p.baseUrl + path, { headers: { cookie: client.cookie ?? '', 'accept-language': lang } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** appointments of an earlier day, written as the queue module would leave them (seen, no-show, cancelled) */
async function pastAppointments(sessionId: number, rows: { patientId: number; channel: string; status: string }[]) {
  const { rows: slots } = await p.kernel.pool.query('SELECT id, seq, starts_at, ends_at FROM sched_slot WHERE session_id = $1 ORDER BY seq', [sessionId]);
  for (const [i, r] of rows.entries()) {
    await p.kernel.pool.query(
      `INSERT INTO appointment (institution_id, department_id, resource_id, session_id, slot_id, practitioner_id, patient_id, kind, seq, starts_at, ends_at, channel, status)
       SELECT s.institution_id, s.department_id, s.resource_id, s.id, $2, s.practitioner_id, $3, 'clinic', $4, $5, $6, $7, $8 FROM sched_session s WHERE s.id = $1`,
      [sessionId, slots[i].id, r.patientId, slots[i].seq, slots[i].starts_at, slots[i].ends_at, r.channel, r.status]);
  }
}

const range = () => ({ from: past.date, to: future.date, departmentId: car });

before(async () => {
  p = await startTestPlatform();
  desk = await p.as('reg.song'); // 挂号预约员: appointment.stats
  car = (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'H001-CAR'`)).rows[0].id;
  future = await freshSession(p, '心血管内科普通门诊', { capacity: 6 });
  past = { date: localDate(-40), id: 0 };
  past.id = (await createSession(p.kernel.pool, {
    resourceId: await resourceId(p, '心血管内科专家门诊'), serviceDate: past.date, period: 'am', startTime: '08:00', endTime: '12:00', capacity: 8, segmentMinutes: 30,
  })).id;
  const before = await desk.get(`/api/scheduling/stats/summary${qs(range())}`);
  assert.equal(before.status, 200, before.text);
  baseline = before.body;

  // today's desk and kiosk bookings through the API, one of them cancelled again
  const patients = await demoPatients(p, 8);
  const kiosk = await p.withToken('demo-kiosk', 'demo-kiosk-secret');
  const booked = [];
  for (const patientId of patients.slice(0, 3)) {
    const res = await desk.post('/api/appointments', { patientId, sessionId: future.id });
    assert.equal(res.status, 201, res.text);
    booked.push(res.body);
  }
  const k = await kiosk.post('/api/appointments', { patientId: patients[3], sessionId: future.id });
  assert.equal(k.status, 201, k.text);
  const cancelled = await desk.post(`/api/appointments/${booked[0].id}/cancel`, { reason: '患者改期' });
  assert.equal(cancelled.status, 200, cancelled.text);
  // an earlier day: two seen, one no-show, one cancelled
  await pastAppointments(past.id, [
    { patientId: patients[4], channel: 'wechat', status: 'fulfilled' },
    { patientId: patients[5], channel: 'wechat', status: 'noshow' },
    { patientId: patients[6], channel: 'phone', status: 'fulfilled' },
    { patientId: patients[7], channel: 'window', status: 'cancelled' },
  ]);
});
after(async () => { await p.close(); });

const delta = (now: any, then: any, key: string) => now[key] - then[key];

describe('appointment statistics', () => {
  test('totals, channels, days and no-show rate match the bookings made', async () => {
    const res = await desk.get(`/api/scheduling/stats/summary${qs(range())}`);
    assert.equal(res.status, 200, res.text);
    const s = res.body.summary;
    const b = baseline.summary;
    assert.equal(delta(s, b, 'bookings'), 8);
    assert.equal(delta(s, b, 'cancelled'), 2);
    assert.equal(delta(s, b, 'noshow'), 1);
    assert.equal(delta(s, b, 'attended'), 2);
    assert.equal(delta(s, b, 'due'), 3, 'the past day\'s three not-cancelled bookings were due');
    assert.equal(delta(s, b, 'used'), 6);
    const published = await p.kernel.pool.query(
      `SELECT sum(capacity)::int AS n, count(*)::int AS sessions FROM sched_session WHERE department_id = $1 AND service_date BETWEEN $2 AND $3 AND status = 'open'`,
      [car, past.date, future.date]);
    assert.equal(s.capacity, published.rows[0].n, 'capacity is what the open sessions published');
    assert.equal(s.sessions, published.rows[0].sessions);
    assert.equal(s.utilisation, Math.round((s.used / s.capacity) * 10_000) / 10_000);

    const channel = (body: any, c: string) => body.channels.find((x: any) => x.channel === c).bookings;
    assert.equal(channel(res.body, 'window') - channel(baseline, 'window'), 4);
    assert.equal(channel(res.body, 'kiosk') - channel(baseline, 'kiosk'), 1);
    assert.equal(channel(res.body, 'wechat') - channel(baseline, 'wechat'), 2);
    assert.equal(channel(res.body, 'phone') - channel(baseline, 'phone'), 1);
    assert.equal(res.body.channels.length, 7, 'every channel is listed, quiet ones as zero');

    const day = (body: any, d: string) => body.daily.find((x: any) => x.day === d);
    const pastDay = day(res.body, past.date);
    assert.equal(pastDay.bookings - day(baseline, past.date).bookings, 4);
    assert.equal(pastDay.byChannel.wechat - day(baseline, past.date).byChannel.wechat, 2);
    if (day(baseline, past.date).due === 0) assert.equal(pastDay.noshowRate, 0.3333);
    const futureDay = day(res.body, future.date);
    assert.equal(futureDay.bookings - day(baseline, future.date).bookings, 4);
    assert.equal(futureDay.due - day(baseline, future.date).due, 0, 'a future booking is not yet due');
    const span = (Date.parse(future.date) - Date.parse(past.date)) / 86_400_000 + 1;
    assert.equal(res.body.daily.length, span, 'every day of the range');
  });

  test('department and resource utilisation: used numbers over published capacity', async () => {
    const res = await desk.get(`/api/scheduling/stats/summary${qs({ from: past.date, to: future.date })}`);
    assert.equal(res.status, 200, res.text);
    const dept = res.body.departments.find((d: any) => d.departmentId === car);
    assert.equal(dept.departmentName, '心血管内科');
    assert.ok(res.body.departments.length > 3, 'the whole institution: every bookable department');
    const cell = res.body.utilisation.find((c: any) => c.departmentId === car && c.day === future.date);
    const baseCell = baseline.utilisation.find((c: any) => c.departmentId === car && c.day === future.date) ?? { used: 0, capacity: 0 };
    assert.equal(cell.used - baseCell.used, 3);
    assert.equal(cell.capacity, 6, 'the test\'s own session is the only one that day');
    assert.equal(cell.utilisation, 0.5);
    const pastResource = res.body.resources.find((r: any) => r.resourceName.startsWith('心血管内科专家门诊'));
    assert.ok(pastResource.capacity >= 8);
    assert.equal(pastResource.departmentName, '心血管内科');
    // one table on its own answers the same figures
    const table = await desk.get(`/api/scheduling/stats/departments${qs({ from: past.date, to: future.date })}`);
    assert.deepEqual(table.body.find((d: any) => d.departmentId === car), dept);
  });

  test('a nurse without appointment.stats is refused; bad ranges and foreign departments are 422 naming the field', async () => {
    const nurse = await p.as('nurse.triage');
    for (const path of ['/api/scheduling/stats/summary', '/api/scheduling/stats/daily?format=xlsx']) {
      const res = await nurse.get(path);
      assert.equal(res.status, 403, path);
    }
    const order = await desk.get(`/api/scheduling/stats/summary${qs({ from: '2025-03-10', to: '2025-03-01' })}`);
    assert.equal(order.status, 422);
    assert.equal(order.body.errors[0].field, 'to');
    assert.equal(order.body.errors[0].message, '结束日期不能早于开始日期');
    const long = await desk.get(`/api/scheduling/stats/summary${qs({ from: '2024-01-01', to: '2025-03-01' })}`, { 'accept-language': 'en' });
    assert.equal(long.status, 422);
    assert.equal(long.body.errors[0].message, 'The range may cover at most 366 days');
    const c001 = (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'C001-GP'`)).rows[0].id;
    const foreign = await desk.get(`/api/scheduling/stats/summary${qs({ departmentId: c001 })}`);
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.errors[0].field, 'departmentId');
    const otherInstitution = (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'C001'`)).rows[0].id;
    assert.equal((await desk.get(`/api/scheduling/stats/summary${qs({ institutionId: otherInstitution })}`)).status, 403);
    const badDate = await desk.get('/api/scheduling/stats/summary?from=2025-13-01');
    assert.equal(badDate.status, 422);
  });

  test('another institution\'s administrator sees only their own institution', async () => {
    const admin = await p.as('admin.c001'); // 机构管理员 of 城东社区卫生服务中心
    const res = await admin.get(`/api/scheduling/stats/summary${qs({ from: past.date, to: future.date })}`);
    assert.equal(res.status, 200, res.text);
    assert.ok(!res.body.departmentIds.includes(car));
    assert.ok(!res.body.departments.some((d: any) => d.departmentId === car));
    const foreign = await admin.get(`/api/scheduling/stats/summary${qs({ departmentId: car })}`);
    assert.equal(foreign.status, 422);
  });

  test('every statistics table exports as an Excel workbook with Chinese headers', async () => {
    for (const [table, header] of [['daily', '日期'], ['channels', '预约渠道'], ['departments', '科室'], ['utilisation', '科室'], ['resources', '科室']]) {
      const res = await getBytes(desk, `/api/scheduling/stats/${table}${qs({ ...range(), format: 'xlsx' })}`);
      assert.equal(res.status, 200, table);
      assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(res.bytes.subarray(0, 2).toString('latin1'), 'PK');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
      assert.equal(wb.worksheets[0].getRow(1).getCell(1).value, header, table);
    }
    const res = await getBytes(desk, `/api/scheduling/stats/departments${qs({ ...range(), format: 'xlsx' })}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    assert.equal(row[0], '心血管内科');
    const summary = (await desk.get(`/api/scheduling/stats/summary${qs(range())}`)).body.summary;
    assert.equal(row[headers.indexOf('预约数')], summary.bookings);
    assert.equal(row[headers.indexOf('爽约率（%）')], Math.round(summary.noshowRate * 10_000) / 100);
    const audit = await p.kernel.pool.query(`SELECT detail FROM audit_event WHERE action = 'appointment.stats_export' ORDER BY id DESC LIMIT 1`);
    assert.equal(audit.rows[0].detail.view, 'departments');
    assert.equal(audit.rows[0].detail.format, 'xlsx');
  });

  test('csv export: UTF-8 with BOM, English when asked', async () => {
    const zh = await getBytes(desk, `/api/scheduling/stats/channels${qs({ ...range(), format: 'csv' })}`);
    assert.deepEqual([...zh.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = zh.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    assert.match(lines[0], /^预约渠道,预约数,占比（%）/);
    assert.equal(lines.length, 8);
    assert.ok(lines.some((l) => l.startsWith('微信/H5,')));
    const en = await getBytes(desk, `/api/scheduling/stats/channels${qs({ ...range(), format: 'csv' })}`, 'en-US');
    assert.ok(en.bytes.subarray(3).toString('utf8').startsWith('Channel,Bookings,Share (%)'));
  });

  test('the desk\'s day list exports the day\'s appointments with masked names, and the export is audited', async () => {
    const res = await getBytes(desk, `/api/scheduling/stats/day-list${qs({ date: future.date, departmentId: car, format: 'xlsx' })}`);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    assert.equal(sheet.getRow(1).getCell(1).value, '时段');
    const { rows } = await p.kernel.pool.query('SELECT count(*)::int AS n FROM appointment WHERE session_id = $1', [future.id]);
    assert.equal(sheet.rowCount - 1, rows[0].n);
    const statuses = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      assert.match(String(sheet.getRow(r).getCell(3).value), /\*/, 'masked patient name');
      statuses.push(sheet.getRow(r).getCell(10).value);
    }
    assert.ok(statuses.includes('已取消') && statuses.includes('已预约'));
    const audit = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'appointment.export'`);
    assert.equal(audit.rows[0].n, rows[0].n);
    const nurse = await p.as('nurse.triage');
    assert.equal((await getBytes(nurse, `/api/scheduling/stats/day-list${qs({ date: future.date })}`)).status, 200, 'nurses read appointments');
    assert.equal((await desk.get(`/api/scheduling/stats/day-list?date=${future.date}&format=pdf`)).status, 422);
  });
});
