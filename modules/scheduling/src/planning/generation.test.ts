import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { addDays, isoWeekday, localTime, localToday, monthDay } from './dates.js';
import { seedPlanningDemo } from './demo.js';

let p: TestPlatform;
let lu: ApiClient; // 排班管理员 sched.lu
let desk: ApiClient; // 挂号预约员 reg.song: may read schedules, not change them
let opd: number; // 门诊部: a department without demo resources, so counts are exact
let zhang: number;

before(async () => {
  p = await startTestPlatform();
  await seedPlanningDemo(p.kernel); // idempotent; the lead's demo seeding may already have run it
  lu = await p.as('sched.lu');
  desk = await p.as('reg.song');
  opd = (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'H001-OPD'`)).rows[0].id;
  zhang = (await p.kernel.pool.query(`SELECT id FROM account WHERE username = 'dr.zhang'`)).rows[0].id;
});
after(async () => { await p.close(); });

async function newResource(name: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await lu.post('/api/scheduling/resources', { departmentId: opd, kind: 'clinic', name, practitionerId: zhang, clinicLevel: 'general', room: '门诊楼 1 楼 110', fee: 12, ...extra });
  assert.equal(res.status, 201, res.text);
  return res.body.id;
}

const template = (resourceId: number, weekday: number, period: 'am' | 'pm' | 'night', startTime: string, endTime: string, extra: Record<string, unknown> = {}) => ({
  resourceId, weekday, period, startTime, endTime, capacity: 10, segmentMinutes: 60, channelQuotas: { window: 2, wechat: 2 }, reservedFollowup: 1,
  validFrom: localToday(), ...extra,
});

describe('resources (出诊资源)', () => {
  test('staff with schedule.manage add clinic and medtech resources; each kind needs its own details', async () => {
    const id = await newResource('综合门诊（测试）');
    const list = await desk.get(`/api/scheduling/resources?departmentId=${opd}`);
    assert.equal(list.status, 200);
    const mine = list.body.find((r: { id: number }) => r.id === id);
    assert.equal(mine.practitionerName, '张慧');
    assert.equal(mine.fee, 12);
    assert.equal(mine.clinicLevel, 'general');

    const noDoctor = await lu.post('/api/scheduling/resources', { departmentId: opd, kind: 'clinic', name: '护理门诊', clinicLevel: 'general', practitionerId: null, fee: null, room: null });
    assert.equal(noDoctor.status, 201, noDoctor.text);
    assert.deepEqual([noDoctor.body.practitionerId, noDoctor.body.fee], [null, null]);

    const noLevel = await lu.post('/api/scheduling/resources', { departmentId: opd, kind: 'clinic', name: '没有号别' });
    assert.equal(noLevel.status, 422);
    assert.equal(noLevel.body.errors[0].field, 'clinicLevel');
    assert.match(noLevel.body.errors[0].message, /号别/);
    const noModality = await lu.post('/api/scheduling/resources', { departmentId: opd, kind: 'exam', name: '彩超 9 室' });
    assert.equal(noModality.status, 422);
    assert.equal(noModality.body.errors[0].field, 'modality');
    const exam = await lu.post('/api/scheduling/resources', { departmentId: opd, kind: 'exam', name: '彩超 9 室', modality: 'US', room: '医技楼 9 室' });
    assert.equal(exam.status, 201, exam.text);
    assert.equal(exam.body.modality, 'US');

    assert.equal((await desk.post('/api/scheduling/resources', { departmentId: opd, kind: 'exam', name: 'x', modality: 'CT' })).status, 403);
    const other = await lu.post('/api/scheduling/resources', {
      departmentId: (await p.kernel.pool.query(`SELECT id FROM org_unit WHERE code = 'C001-GP'`)).rows[0].id, kind: 'clinic', name: '别家科室', clinicLevel: 'general',
    });
    assert.equal(other.status, 422);
    assert.equal(other.body.errors[0].field, 'departmentId');
  });
});

describe('generating sessions from weekly templates', () => {
  test('skips existing sessions, honours holidays, working-day swaps and seasonal hours, and is idempotent', async () => {
    const resource = await newResource('排班生成测试门诊');
    // the range: three weeks from the next Monday
    let monday = addDays(localToday(), 1);
    while (isoWeekday(monday) !== 1) monday = addDays(monday, 1);
    const to = addDays(monday, 20);
    // this database only: no national holiday may fall into the range, and one season covers it
    await p.kernel.pool.query('DELETE FROM sched_holiday WHERE day BETWEEN $1 AND $2', [monday, to]);
    await p.kernel.pool.query(`DELETE FROM sched_season WHERE institution_id = (SELECT id FROM org_unit WHERE code = 'H001')`);
    const season = await lu.post('/api/scheduling/seasons', { kind: 'winter', name: '测试时令', startsOn: monthDay(addDays(monday, -1)), endsOn: monthDay(addDays(to, 1)), amStart: '09:00', pmStart: '13:00', pmEnd: '17:00' });
    assert.equal(season.status, 201, season.text);

    for (const t of [
      template(resource, 1, 'am', '08:00', '12:00'),
      template(resource, 1, 'pm', '14:00', '17:30'),
      template(resource, 6, 'am', '07:30', '11:30', { followSeason: false }),
    ]) {
      const res = await lu.post('/api/scheduling/templates', t);
      assert.equal(res.status, 201, res.text);
    }
    const overlap = await lu.post('/api/scheduling/templates', template(resource, 1, 'am', '08:30', '11:00'));
    assert.equal(overlap.status, 409);
    assert.equal(overlap.body.code, 'template_overlap');

    // second Monday is an institution holiday; the third Sunday works as a Monday (调休)
    const holiday = await lu.post('/api/scheduling/holidays', { day: addDays(monday, 7), kind: 'holiday', name: '院庆' });
    assert.equal(holiday.status, 201, holiday.text);
    const swapNoWeekday = await lu.post('/api/scheduling/holidays', { day: addDays(monday, 13), kind: 'workday', name: '调休' });
    assert.equal(swapNoWeekday.status, 422);
    assert.equal(swapNoWeekday.body.errors[0].field, 'worksAs');
    assert.equal((await lu.post('/api/scheduling/holidays', { day: addDays(monday, 13), kind: 'workday', worksAs: 1, name: '调休上班' })).status, 201);
    // a temporary session already holds the third Monday morning
    const temp = await lu.post('/api/scheduling/sessions', { resourceId: resource, serviceDate: addDays(monday, 14), period: 'am', startTime: '08:00', endTime: '10:00', capacity: 5 });
    assert.equal(temp.status, 201, temp.text);

    const run = await lu.post('/api/scheduling/templates/generate', { from: monday, to, departmentId: opd });
    assert.equal(run.status, 200, run.text);
    // Mondays: 2 + (holiday) 0 + 1 (am exists); Saturdays 3; swapped Sunday 2
    assert.deepEqual(
      { created: run.body.created, skipped: run.body.skipped, movedByHoliday: run.body.movedByHoliday, skippedByHoliday: run.body.skippedByHoliday },
      { created: 8, skipped: 1, movedByHoliday: 2, skippedByHoliday: 2 });
    assert.equal(run.body.status, 'done');
    assert.equal(run.body.percent, 100);

    const sessions = (await desk.get(`/api/scheduling/sessions?from=${monday}&to=${to}&resourceId=${resource}&includeClosed=true`)).body as { serviceDate: string; period: string; startsAt: string; endsAt: string; source: string; capacity: number; fee: number }[];
    const at = (day: string, period: string) => sessions.find((s) => s.serviceDate === day && s.period === period);
    assert.equal(sessions.length, 9);
    assert.equal(at(addDays(monday, 7), 'am'), undefined, 'holiday skipped');
    assert.ok(at(addDays(monday, 13), 'am') && at(addDays(monday, 13), 'pm'), 'swapped Sunday runs the Monday templates');
    assert.equal(at(addDays(monday, 14), 'am')!.source, 'temporary', 'the existing session is kept');
    // seasonal hours replace the template's for templates that follow them
    assert.equal(localTime(at(monday, 'am')!.startsAt), '09:00');
    assert.equal(localTime(at(monday, 'am')!.endsAt), '12:00');
    assert.equal(localTime(at(monday, 'pm')!.startsAt), '13:00');
    assert.equal(localTime(at(monday, 'pm')!.endsAt), '17:00');
    assert.equal(localTime(at(addDays(monday, 5), 'am')!.startsAt), '07:30', 'a template not following the season keeps its hours');
    assert.equal(at(monday, 'am')!.fee, 12, 'the resource fee is the default');
    const slots = (await desk.get(`/api/scheduling/sessions/${(at(monday, 'am') as unknown as { id: number }).id}/slots`)).body as { channel: string | null; reservedFor: string | null }[];
    assert.equal(slots.length, 10);
    assert.equal(slots.filter((s) => s.channel === 'window').length, 2);
    assert.equal(slots.filter((s) => s.reservedFor === 'followup').length, 1);

    const again = await lu.post('/api/scheduling/templates/generate', { from: monday, to, departmentId: opd });
    assert.equal(again.status, 200);
    assert.deepEqual(
      { created: again.body.created, skipped: again.body.skipped, movedByHoliday: again.body.movedByHoliday, skippedByHoliday: again.body.skippedByHoliday },
      { created: 0, skipped: 9, movedByHoliday: 0, skippedByHoliday: 2 });
  });

  test('a long run reports progress the page can poll', async () => {
    const resource = await newResource('进度测试门诊');
    for (let weekday = 1; weekday <= 7; weekday++) assert.equal((await lu.post('/api/scheduling/templates', template(resource, weekday, 'night', '18:00', '21:00', { runsOnHolidays: true }))).status, 201);
    const from = addDays(localToday(), 40);
    const started = await lu.post('/api/scheduling/templates/generate', { from, to: addDays(from, 29), departmentId: opd, async: true });
    assert.equal(started.status, 202, started.text);
    assert.ok(started.body.id);
    let view = started.body;
    for (let i = 0; i < 100 && view.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await lu.get(`/api/scheduling/templates/generate/${started.body.id}`)).body;
    }
    assert.equal(view.status, 'done');
    assert.equal(view.daysDone, 30);
    assert.equal(view.percent, 100);
    // the department's other templates (earlier tests) generate too; this resource's nights are all there
    const nights = (await desk.get(`/api/scheduling/sessions?from=${from}&to=${addDays(from, 29)}&resourceId=${resource}`)).body;
    assert.equal(nights.length, 30);
    assert.ok(view.created >= 30);
  });

  test('refuses a range in the past or too long, naming the field', async () => {
    const past = await lu.post('/api/scheduling/templates/generate', { from: addDays(localToday(), -1), to: localToday() });
    assert.equal(past.status, 422);
    assert.equal(past.body.errors[0].field, 'from');
    assert.equal(past.body.errors[0].message, '不能为已过去的日期生成排班');
    const long = await lu.post('/api/scheduling/templates/generate', { from: localToday(), to: addDays(localToday(), 120) });
    assert.equal(long.status, 422);
    assert.equal(long.body.errors[0].field, 'to');
    assert.equal((await desk.post('/api/scheduling/templates/generate', { from: localToday(), to: localToday() })).status, 403);
  });
});

describe('temporary sessions (临时排班)', () => {
  test('creates a session from a full spec; a second for the same slot of time is a conflict; quotas must fit', async () => {
    const resource = await newResource('临时排班测试门诊');
    const day = addDays(localToday(), 30);
    const spec = { resourceId: resource, serviceDate: day, period: 'pm', startTime: '14:00', endTime: '16:00', capacity: 8, segmentMinutes: 30, channelQuotas: { kiosk: 2 }, reservedReferral: 2, fee: 30, room: '临时诊室' };
    const made = await lu.post('/api/scheduling/sessions', spec);
    assert.equal(made.status, 201, made.text);
    assert.equal(made.body.source, 'temporary');
    assert.equal(made.body.capacity, 8);
    assert.equal(made.body.fee, 30);
    assert.equal(made.body.room, '临时诊室');
    const slots = (await desk.get(`/api/scheduling/sessions/${made.body.id}/slots`)).body as { channel: string | null; reservedFor: string | null }[];
    assert.equal(slots.length, 8);
    assert.equal(slots.filter((s) => s.channel === 'kiosk').length, 2);
    assert.equal(slots.filter((s) => s.reservedFor === 'referral').length, 2);

    const twice = await lu.post('/api/scheduling/sessions', spec);
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'session_exists');
    const tooMany = await lu.post('/api/scheduling/sessions', { ...spec, period: 'night', startTime: '18:00', endTime: '20:00', channelQuotas: { kiosk: 5, window: 5 } });
    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.errors[0].field, 'channelQuotas');
    assert.match(tooMany.body.errors[0].message, /超过号源总数/);
    const past = await lu.post('/api/scheduling/sessions', { ...spec, serviceDate: addDays(localToday(), -1) });
    assert.equal(past.status, 422);
    assert.equal(past.body.errors[0].field, 'serviceDate');
  });
});

describe('holiday calendar (节假日, 调休)', () => {
  test('imports a year as JSON, checks every entry first, and keeps the region-wide calendar to region staff', async () => {
    const bad = await lu.post('/api/scheduling/holidays/import', {
      year: 2030, days: [{ day: '2030-01-01', kind: 'holiday', name: '元旦' }, { day: '2030-01-01', kind: 'holiday', name: '元旦' }, { day: '2031-02-01', kind: 'holiday', name: '春节' }],
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field), ['days.1.day', 'days.2.day']);
    const ok = await lu.post('/api/scheduling/holidays/import', {
      year: 2030, days: [{ day: '2030-01-01', kind: 'holiday', name: '元旦' }, { day: '2030-02-02', kind: 'workday', worksAs: 5, name: '春节调休上班' }],
    });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.imported, 2);
    const replaced = await lu.post('/api/scheduling/holidays/import', { year: 2030, replace: true, days: [{ day: '2030-05-01', kind: 'holiday', name: '劳动节' }] });
    assert.equal(replaced.body.removed, 2);
    const list = await desk.get('/api/scheduling/holidays?year=2030');
    assert.deepEqual(list.body.map((h: { day: string; regionWide: boolean }) => [h.day, h.regionWide]), [['2030-05-01', false]]);
    const region = await lu.post('/api/scheduling/holidays', { day: '2030-06-01', kind: 'holiday', name: '全区', regionWide: true });
    assert.equal(region.status, 403);
    // the demo's national calendar is region-wide and read-only here
    const national = (await desk.get('/api/scheduling/holidays?year=2026')).body as { day: string; regionWide: boolean; editable: boolean; kind: string; worksAs: number | null }[];
    const swap = national.find((h) => h.day === '2026-10-10')!;
    assert.deepEqual([swap.regionWide, swap.editable, swap.kind, swap.worksAs], [true, false, 'workday', 3]);
  });
});
