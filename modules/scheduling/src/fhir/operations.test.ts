import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type ApiResponse, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { demoPatients, freshSession, resourceId } from '../test/fixtures.js';

const HOLD_EXPIRES = 'urn:kangyun:fhir:extension:appointment-hold-expires';

let p: TestPlatform;
let kiosk: ApiClient;
let desk: ApiClient;
let cardiology: number;
before(async () => {
  p = await startTestPlatform();
  kiosk = await p.withToken('demo-kiosk', 'demo-kiosk-secret');
  desk = await p.as('reg.song');
  cardiology = await resourceId(p, '心血管内科普通门诊');
});
after(async () => { await p.close(); });

/** the numbers of a session a kiosk may book: shared and kiosk quota, no unreleased reservation, by start */
async function kioskNumbers(sessionId: number): Promise<number[]> {
  const { rows } = await p.kernel.pool.query(
    `SELECT id FROM sched_slot WHERE session_id = $1 AND status = 'free' AND (channel IS NULL OR channel = 'kiosk')
       AND (reserved_for IS NULL OR reserved_until <= now()) ORDER BY starts_at, seq`, [sessionId]);
  return rows.map((r) => Number(r.id));
}

const slotOf = (appointment: { slot: { reference: string }[] }) => Number(appointment.slot[0].reference.split('/')[1]);
const entries = (bundle: any) => (bundle.entry ?? []).map((e: { resource: any }) => e.resource);

function bookBody(reference: string, patientId?: number) {
  return {
    resourceType: 'Parameters',
    parameter: [
      { name: 'appointment-reference', valueReference: { reference } },
      ...(patientId ? [{ name: 'patient-reference', valueReference: { reference: `Patient/${patientId}` } }] : []),
    ],
  };
}

function assertOutcome(res: ApiResponse, status: number, code: string) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.body.resourceType, 'OperationOutcome');
  assert.equal(res.body.issue[0].code, code);
}

describe('$find', () => {
  test('proposes only the numbers the kiosk may book, one per number, ordered by start and paged with _count', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 10, quotas: { window: 2, kiosk: 2, wechat: 1 }, reserved: { followup: 2 } });
    const expected = await kioskNumbers(s.id);
    assert.equal(expected.length, 5, 'shared 3 + kiosk 2');
    const seen: number[] = [];
    let url: string | null = `/fhir/R4/Appointment/$find?start=${s.date}&end=${s.date}&schedule=Schedule/${cardiology}&_count=2`;
    let pages = 0;
    while (url) {
      const res: ApiResponse = await kiosk.get(url);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.type, 'searchset');
      assert.equal(res.body.total, 5);
      const page = entries(res.body);
      assert.ok(page.length <= 2);
      for (const a of page) {
        assert.equal(a.status, 'proposed');
        assert.equal(a.id, `slot-${slotOf(a)}`);
        assert.ok(a.participant.some((x: { actor: { reference?: string } }) => x.actor.reference?.startsWith('Practitioner/')));
        seen.push(slotOf(a));
      }
      const next = res.body.link.find((l: { relation: string }) => l.relation === 'next');
      url = next ? next.url.slice(p.baseUrl.length) : null;
      pages++;
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, expected, 'every bookable number once, in order of start');
    // the segment of each proposal is its number's
    const { rows } = await p.kernel.pool.query('SELECT starts_at, ends_at FROM sched_slot WHERE id = $1', [expected[0]]);
    const first = entries((await kiosk.get(`/fhir/R4/Appointment/$find?start=${s.date}&end=${s.date}&schedule=Schedule/${cardiology}&_count=1`)).body)[0];
    assert.equal(first.start, rows[0].starts_at.toISOString());
    assert.equal(first.end, rows[0].ends_at.toISOString());
  });

  test('without filters it returns every number in the next 14 days that the channel may book now', async () => {
    const res = await kiosk.get('/fhir/R4/Appointment/$find?_count=200');
    assert.equal(res.status, 200, res.text);
    const { rows } = await p.kernel.pool.query(
      `SELECT count(*)::int AS n FROM sched_slot sl JOIN sched_session s ON s.id = sl.session_id JOIN org_unit i ON i.id = s.institution_id
       WHERE i.code = 'H001' AND s.status = 'open' AND s.pool_kind = 'numbered' AND s.opens_at <= now() AND s.closes_at > now()
         AND sl.status = 'free' AND (sl.channel IS NULL OR sl.channel = 'kiosk') AND (sl.reserved_for IS NULL OR sl.reserved_until <= now())
         AND sl.ends_at > now() AND sl.starts_at < now() + interval '14 days'`);
    assert.ok(rows[0].n > 200, 'the demo has more than a page');
    assert.equal(res.body.total, rows[0].n);
    const starts = entries(res.body).map((a: { start: string }) => Date.parse(a.start));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const slots = entries(res.body).map(slotOf);
    const { rows: channels } = await p.kernel.pool.query(
      'SELECT DISTINCT channel, reserved_for IS NULL OR reserved_until <= now() AS released FROM sched_slot WHERE id = ANY($1::bigint[])', [slots]);
    for (const c of channels) {
      assert.ok(c.channel === null || c.channel === 'kiosk', `channel ${c.channel}`);
      assert.equal(c.released, true);
    }
    // the pinned start keeps later pages in the same window
    const next = res.body.link.find((l: { relation: string }) => l.relation === 'next');
    assert.match(new URL(next.url).searchParams.get('start')!, /^\d{4}-\d{2}-\d{2}T/);
  });

  test('filters by specialty, service type and practitioner; a bad window is a 422 naming end', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4 });
    const base = `/fhir/R4/Appointment/$find?start=${s.date}&end=${s.date}`;
    const all = (await kiosk.get(base)).body.total;
    assert.ok(all >= 4);
    assert.equal((await kiosk.get(`${base}&specialty=urn:kangyun:org-code|H001-CAR`)).body.total, all);
    assert.equal((await kiosk.get(`${base}&specialty=H001-ONC`)).body.total, 0);
    assert.equal((await kiosk.get(`${base}&service-type=expert`)).body.total, 0);
    assert.equal((await kiosk.get(`${base}&visit-type=urn:kangyun:sched-service-type|general`)).body.total, all);
    const { rows } = await p.kernel.pool.query(`SELECT id FROM account WHERE username = 'dr.zhang'`);
    assert.equal((await kiosk.get(`${base}&practitioner=Practitioner/${rows[0].id}`)).body.total, all);
    assert.equal((await kiosk.get(`${base}&practitioner=Practitioner/999999`)).body.total, 0);
    const bad = await kiosk.get(`/fhir/R4/Appointment/$find?start=${s.date}T12:00&end=${s.date}T08:00`, { 'accept-language': 'en' });
    assertOutcome(bad, 422, 'invalid');
    assert.deepEqual(bad.body.issue[0].expression, ["Parameters.parameter.where(name='end')"]);
    const garbled = await kiosk.get('/fhir/R4/Appointment/$find?start=tomorrow');
    assertOutcome(garbled, 422, 'invalid');
    assert.equal(garbled.body.issue[0].diagnostics, '日期参数格式不正确：tomorrow');
    assert.deepEqual(garbled.body.issue[0].expression, ["Parameters.parameter.where(name='start')"]);
  });

  test('a male patient is not offered gynaecology; POST with Parameters works like GET', async () => {
    const s = await freshSession(p, '妇科专家门诊', { capacity: 3 });
    const [man] = await demoPatients(p, 1, { sex: 'male' });
    const [woman] = await demoPatients(p, 1, { sex: 'female' });
    const ask = (patient: number) => kiosk.post('/fhir/R4/Appointment/$find', {
      resourceType: 'Parameters',
      parameter: [{ name: 'start', valueDate: s.date }, { name: 'end', valueDate: s.date }, { name: 'patient-reference', valueReference: { reference: `Patient/${patient}` } }],
    });
    assert.equal((await ask(man)).body.total, 0);
    const forHer = await ask(woman);
    assert.equal(forHer.status, 200, forHer.text);
    assert.equal(forHer.body.total, 3);
    assert.equal(entries(forHer.body)[0].id, `slot-${slotOf(entries(forHer.body)[0])}-patient-${woman}`);
  });
});

describe('$book and $hold', () => {
  test('$book of a proposed appointment claims exactly that number', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 6 });
    const [patient] = await demoPatients(p, 1);
    const proposals = entries((await kiosk.get(`/fhir/R4/Appointment/$find?start=${s.date}&end=${s.date}&schedule=Schedule/${cardiology}`)).body);
    const chosen = proposals[3];
    const res = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/${chosen.id}`, patient));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.resourceType, 'Bundle');
    const booked = entries(res.body)[0];
    assert.equal(booked.status, 'booked');
    assert.deepEqual(booked.slot, chosen.slot);
    assert.equal(booked.start, chosen.start);
    assert.ok(booked.participant.some((x: { actor: { reference: string } }) => x.actor.reference === `Patient/${patient}`));
    assert.equal(res.headers.get('location'), `${p.baseUrl}/fhir/R4/Appointment/${booked.id}`);
    const { rows } = await p.kernel.pool.query('SELECT slot_id, channel, status FROM appointment WHERE id = $1', [booked.id]);
    assert.deepEqual(rows[0], { slot_id: slotOf(chosen), channel: 'kiosk', status: 'booked' });
    const again = await kiosk.get(`/fhir/R4/Appointment/$find?start=${s.date}&end=${s.date}&schedule=Schedule/${cardiology}`);
    assert.ok(!entries(again.body).some((a: { id: string }) => a.id === chosen.id), 'no longer proposed');
  });

  test('concurrent bookings of the same proposal: one 201, the others 409 naming the number taken and listing others', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4 });
    const patients = await demoPatients(p, 10);
    const [slot] = await kioskNumbers(s.id);
    const results = await Promise.all(patients.map((patient) => kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/slot-${slot}`, patient))));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, ...Array(9).fill(409)], results.map((r) => r.text).join('\n'));
    const refused = results.find((r) => r.status === 409)!;
    assertOutcome(refused, 409, 'conflict');
    assert.equal(refused.body.issue[0].diagnostics, '该号已被预约，请选择其他号源');
    const options = refused.body.issue.slice(1);
    assert.ok(options.length > 0);
    assert.ok(options.every((i: { severity: string }) => i.severity === 'information'));
    assert.match(options[0].diagnostics, /^可选：.*第 \d+ 号（Appointment\/slot-\d+-patient-\d+）$/);
    const alternatives = refused.body.contained[0];
    assert.equal(alternatives.resourceType, 'Bundle');
    assert.ok(alternatives.entry.every((e: { resource: { status: string; id: string } }) => e.resource.status === 'proposed' && e.resource.id !== `slot-${slot}`));
    // an alternative is directly bookable
    const loser = patients[results.indexOf(refused)];
    const retry = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/${alternatives.entry[0].resource.id}`));
    assert.equal(retry.status, 201, retry.text);
    assert.ok(entries(retry.body)[0].participant.some((x: { actor: { reference: string } }) => x.actor.reference === `Patient/${loser}`));
    const { rows } = await p.kernel.pool.query(`SELECT count(*)::int AS n FROM appointment WHERE slot_id = $1 AND status = 'booked'`, [slot]);
    assert.equal(rows[0].n, 1);
  });

  test('$hold puts a pending hold with its expiry; $book of the held appointment confirms that number', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4 });
    const [patient] = await demoPatients(p, 1);
    const [slot] = await kioskNumbers(s.id);
    const held = await kiosk.post('/fhir/R4/Appointment/$hold', bookBody(`Appointment/slot-${slot}`, patient));
    assert.equal(held.status, 201, held.text);
    const pending = entries(held.body)[0];
    assert.equal(pending.status, 'pending');
    const expires = pending.extension.find((e: { url: string }) => e.url === HOLD_EXPIRES).valueInstant;
    assert.ok(Date.parse(expires) > Date.now() + 5 * 60_000, 'held for the rule\'s 10 minutes');
    const find = await kiosk.get(`/fhir/R4/Appointment/$find?start=${s.date}&end=${s.date}&schedule=Schedule/${cardiology}`);
    assert.ok(!entries(find.body).some((a: { id: string }) => a.id === `slot-${slot}`), 'a held number is not offered');
    const booked = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/${pending.id}`));
    assert.equal(booked.status, 200, booked.text);
    assert.equal(entries(booked.body)[0].status, 'booked');
    assert.equal(entries(booked.body)[0].id, pending.id);
    assert.equal(entries(booked.body)[0].extension.find((e: { url: string }) => e.url === HOLD_EXPIRES), undefined);
    const { rows } = await p.kernel.pool.query(
      'SELECT a.status, sl.status AS slot_status, sl.appointment_id FROM appointment a JOIN sched_slot sl ON sl.id = a.slot_id WHERE a.id = $1', [pending.id]);
    assert.deepEqual(rows[0], { status: 'booked', slot_status: 'booked', appointment_id: Number(pending.id) });
    const notice = await p.kernel.pool.query(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE kind = 'appointment.booked' AND channel = 'inapp' AND params->>'appointmentId' = $1`, [pending.id]);
    assert.equal(notice.rows[0].n, 1, 'the confirmation is announced once');
    // another caller cannot take over the hold of someone else
    const [, other] = await demoPatients(p, 2);
    const held2 = await kiosk.post('/fhir/R4/Appointment/$hold', bookBody(`Appointment/slot-${(await kioskNumbers(s.id))[0]}`, other));
    assert.equal(held2.status, 201, held2.text);
    const wechat = await p.withToken('demo-wechat', 'demo-wechat-secret');
    assertOutcome(await wechat.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/${entries(held2.body)[0].id}`)), 409, 'conflict');
  });

  test('an expired hold frees the number: $find offers it again, the hold cannot be booked, another patient can', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 2 });
    const [a, b] = await demoPatients(p, 2);
    const [slot] = await kioskNumbers(s.id);
    const held = await kiosk.post('/fhir/R4/Appointment/$hold', bookBody(`Appointment/slot-${slot}`, a));
    assert.equal(held.status, 201, held.text);
    const id = entries(held.body)[0].id;
    await p.kernel.pool.query(`UPDATE appointment SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    await p.kernel.pool.query(`UPDATE sched_slot SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [slot]);
    const find = await kiosk.get(`/fhir/R4/Appointment/$find?start=${s.date}&end=${s.date}&schedule=Schedule/${cardiology}`);
    assert.ok(entries(find.body).some((x: { id: string }) => x.id === `slot-${slot}`), 'offered again');
    assert.equal((await kiosk.get(`/fhir/R4/Appointment/${id}`)).body.status, 'cancelled');
    const late = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/${id}`), { 'accept-language': 'en' });
    assertOutcome(late, 409, 'conflict');
    assert.match(late.body.issue[0].diagnostics, /hold has expired/);
    const other = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/slot-${slot}`, b));
    assert.equal(other.status, 201, other.text);
    const { rows } = await p.kernel.pool.query('SELECT status FROM appointment WHERE id = $1', [id]);
    assert.equal(rows[0].status, 'expired');
  });

  test('a retry with the same Idempotency-Key answers the first booking', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 3 });
    const [patient] = await demoPatients(p, 1);
    const [slot] = await kioskNumbers(s.id);
    const headers = { 'idempotency-key': `fhir-retry-${s.id}` };
    const first = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/slot-${slot}`, patient), headers);
    const second = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/slot-${slot}`, patient), headers);
    assert.equal(first.status, 201, first.text);
    assert.equal(second.status, 200, second.text);
    assert.equal(entries(second.body)[0].id, entries(first.body)[0].id);
  });

  test('numbers of another channel\'s quota or still reserved are refused with the reason', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 4, quotas: { window: 1 }, reserved: { referral: 1 } });
    const [patient] = await demoPatients(p, 1);
    const { rows } = await p.kernel.pool.query(
      `SELECT (SELECT id FROM sched_slot WHERE session_id = $1 AND channel = 'window') AS window,
              (SELECT id FROM sched_slot WHERE session_id = $1 AND reserved_for = 'referral') AS reserved`, [s.id]);
    const quota = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/slot-${rows[0].window}`, patient));
    assertOutcome(quota, 409, 'conflict');
    assert.equal(quota.body.issue[0].diagnostics, '该号属于其他渠道的配额，当前渠道不能预约');
    const reserved = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/slot-${rows[0].reserved}`, patient));
    assertOutcome(reserved, 409, 'conflict');
    assert.match(reserved.body.issue[0].diagnostics, /锁定号/);
  });

  test('bad requests name what is wrong; a read-only client may not book', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 2 });
    const [slot] = await kioskNumbers(s.id);
    const noPatient = await kiosk.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/slot-${slot}`));
    assertOutcome(noPatient, 422, 'required');
    assert.deepEqual(noPatient.body.issue[0].expression, ["Parameters.parameter.where(name='patient-reference')"]);
    const nothing = await kiosk.post('/fhir/R4/Appointment/$book', { resourceType: 'Parameters', parameter: [] });
    assertOutcome(nothing, 422, 'required');
    assert.deepEqual(nothing.body.issue[0].expression, ["Parameters.parameter.where(name='appointment-reference')"]);
    assertOutcome(await kiosk.get('/fhir/R4/Appointment/$book'), 405, 'not-supported');
    assertOutcome(await kiosk.post('/fhir/R4/Appointment/$teleport', {}), 404, 'not-found');
    assertOutcome(await kiosk.post('/fhir/R4/Appointment/$book', bookBody('Appointment/slot-999999999', 1)), 404, 'not-found');
    const [patient] = await demoPatients(p, 1);
    const reader = await p.withToken('demo-integration', 'demo-integration-secret', 'clinical.read');
    const refused = await reader.post('/fhir/R4/Appointment/$book', bookBody(`Appointment/slot-${slot}`, patient));
    assertOutcome(refused, 403, 'forbidden');
    assert.match(refused.body.issue[0].diagnostics, /appointment\.book/);
    // the desk books through its own (window) channel
    const deskBooking = await desk.post('/fhir/R4/Appointment/$book', { resourceType: 'Appointment', status: 'proposed', slot: [{ reference: `Slot/${slot}` }], participant: [{ actor: { reference: `Patient/${patient}` }, status: 'needs-action' }] });
    assert.equal(deskBooking.status, 201, deskBooking.text);
    assert.equal(entries(deskBooking.body)[0].extension.find((e: { url: string }) => e.url.endsWith('sched-channel')).valueCode, 'window');
  });
});
