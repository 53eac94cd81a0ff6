import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type ApiClient, type ApiResponse, type TestPlatform } from '@kangyun/server/testing/index.ts';
import { demoPatients, freshSession, resourceId } from '../test/fixtures.js';

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

const entries = (bundle: any) => (bundle.entry ?? []).map((e: { resource: any }) => e.resource);

async function firstFree(sessionId: number): Promise<number> {
  const { rows } = await p.kernel.pool.query(
    `SELECT id FROM sched_slot WHERE session_id = $1 AND status = 'free' AND channel IS NULL AND reserved_for IS NULL ORDER BY seq LIMIT 1`, [sessionId]);
  return Number(rows[0].id);
}

async function book(client: ApiClient, slot: number, patient: number): Promise<any> {
  const res = await client.post('/fhir/R4/Appointment/$book', {
    resourceType: 'Parameters',
    parameter: [{ name: 'appointment-reference', valueReference: { reference: `Appointment/slot-${slot}` } }, { name: 'patient-reference', valueReference: { reference: `Patient/${patient}` } }],
  });
  assert.equal(res.status, 201, res.text);
  return entries(res.body)[0];
}

function assertOutcome(res: ApiResponse, status: number, code: string) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.body.resourceType, 'OperationOutcome');
  assert.equal(res.body.issue[0].code, code);
}

describe('Schedule and Slot', () => {
  test('a Schedule per bookable resource, with its doctor, department, service type and planning horizon', async () => {
    const res = await kiosk.get(`/fhir/R4/Schedule/${cardiology}`);
    assert.equal(res.status, 200, res.text);
    const s = res.body;
    assert.equal(s.resourceType, 'Schedule');
    assert.equal(s.active, true);
    assert.equal(s.serviceType[0].coding[0].code, 'general');
    assert.equal(s.specialty[0].coding[0].code, 'H001-CAR');
    assert.ok(s.actor.some((a: { reference: string }) => a.reference.startsWith('Practitioner/')));
    assert.ok(s.actor.some((a: { reference: string }) => a.reference.startsWith('Location/')));
    assert.match(s.planningHorizon.start, /^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    const bySpecialty = await kiosk.get('/fhir/R4/Schedule?specialty=H001-CAR');
    assert.equal(bySpecialty.body.total, 2);
    const experts = await kiosk.get('/fhir/R4/Schedule?specialty=H001-CAR&service-type=expert');
    assert.deepEqual(entries(experts.body).map((x: { comment: string }) => x.comment.split(' ')[0]), ['心血管内科专家门诊（谢飞）']);
    const doctor = s.actor.find((a: { reference: string }) => a.reference.startsWith('Practitioner/')).reference;
    assert.deepEqual(entries((await kiosk.get(`/fhir/R4/Schedule?actor=${doctor}`)).body).map((x: { id: string }) => x.id), [String(cardiology)]);
    const ultrasound = await kiosk.get('/fhir/R4/Schedule?service-type=US');
    assert.equal(ultrasound.body.total, 2);
  });

  test('a Slot per number: its segment, number, quota channel and status; search by schedule, start and status', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 6, quotas: { kiosk: 1 } });
    const [patient] = await demoPatients(p, 1);
    const slot = await firstFree(s.id);
    await book(kiosk, slot, patient);
    const res = await kiosk.get(`/fhir/R4/Slot?schedule=Schedule/${cardiology}&start=${s.date}&_count=50`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.total, 6);
    const slots = entries(res.body);
    assert.deepEqual(slots.map((x: { identifier: { value: string }[] }) => x.identifier[0].value), [1, 2, 3, 4, 5, 6].map((n) => `${s.id}-${n}`));
    assert.equal(slots.find((x: { id: string }) => x.id === String(slot)).status, 'busy');
    assert.equal(slots.filter((x: { status: string }) => x.status === 'free').length, 5);
    assert.ok(slots.every((x: { schedule: { reference: string } }) => x.schedule.reference === `Schedule/${cardiology}`));
    const kioskQuota = slots.filter((x: { extension: { url: string; valueCode?: string }[] }) => x.extension.some((e) => e.url.endsWith('sched-channel') && e.valueCode === 'kiosk'));
    assert.equal(kioskQuota.length, 1);
    const busy = await kiosk.get(`/fhir/R4/Slot?schedule=Schedule/${cardiology}&start=${s.date}&status=busy`);
    assert.deepEqual(entries(busy.body).map((x: { id: string }) => x.id), [String(slot)]);
    const one = await kiosk.get(`/fhir/R4/Slot/${slot}`);
    assert.equal(one.body.status, 'busy');
    const { rows } = await p.kernel.pool.query('SELECT starts_at, ends_at FROM sched_slot WHERE id = $1', [slot]);
    assert.equal(one.body.start, rows[0].starts_at.toISOString());
    assert.equal(one.body.end, rows[0].ends_at.toISOString());
    // a suspended session's numbers are unavailable
    await p.kernel.pool.query(`UPDATE sched_session SET status = 'suspended' WHERE id = $1`, [s.id]);
    assert.equal((await kiosk.get(`/fhir/R4/Slot/${slot + 1}`)).body.status, 'busy-unavailable');
    assert.equal((await kiosk.get(`/fhir/R4/Slot?schedule=Schedule/${cardiology}&start=${s.date}&status=free`)).body.total, 0);
  });
});

describe('Appointment', () => {
  test('read maps the booking, and is audited with the patient', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 3 });
    const [patient] = await demoPatients(p, 1);
    const slot = await firstFree(s.id);
    const booked = await book(desk, slot, patient);
    const res = await kiosk.get(`/fhir/R4/Appointment/${booked.id}`);
    assert.equal(res.status, 200, res.text);
    const a = res.body;
    assert.equal(a.status, 'booked');
    assert.equal(a.meta.versionId, '1');
    assert.equal(res.headers.get('etag'), 'W/"1"');
    assert.deepEqual(a.slot, [{ reference: `Slot/${slot}` }]);
    assert.deepEqual(a.identifier.map((i: { system: string }) => i.system), ['urn:kangyun:appointment', 'urn:kangyun:sched-number']);
    assert.equal(a.identifier[1].value, `${s.id}-1`);
    assert.equal(a.serviceType[0].coding[0].code, 'general');
    assert.equal(a.specialty[0].coding[0].code, 'H001-CAR');
    const patientActor = a.participant.find((x: { actor: { reference: string } }) => x.actor.reference.startsWith('Patient/'));
    assert.equal(patientActor.actor.reference, `Patient/${patient}`);
    assert.match(patientActor.actor.display, /\*/, 'names are masked');
    assert.ok(a.participant.some((x: { actor: { reference: string } }) => x.actor.reference.startsWith('Practitioner/')));
    assert.ok(a.participant.some((x: { actor: { reference: string } }) => x.actor.reference.startsWith('Location/')));
    const { rows } = await p.kernel.pool.query(
      `SELECT action, entity_id FROM audit_event WHERE patient_id = $1 AND action = 'appointment.read' AND client_id = 'demo-kiosk'`, [patient]);
    assert.deepEqual(rows.map((r) => String(r.entity_id)), [String(booked.id)]);
    // a proposal reads back while its number is free
    const next = await firstFree(s.id);
    assert.equal((await kiosk.get(`/fhir/R4/Appointment/slot-${next}`)).body.status, 'proposed');
    assert.equal((await kiosk.get(`/fhir/R4/Appointment/slot-${slot}`)).status, 404);
  });

  test('search by patient and date, by status, paged; each patient on the page is audited', async () => {
    const s1 = await freshSession(p, '心血管内科普通门诊', { capacity: 3 });
    const s2 = await freshSession(p, '心血管内科普通门诊', { capacity: 3 });
    const [patient, other] = await demoPatients(p, 2);
    const first = await book(desk, await firstFree(s1.id), patient);
    const second = await book(desk, await firstFree(s2.id), patient);
    await book(desk, await firstFree(s1.id), other);
    // the other tests book this patient on earlier days
    const mine = await kiosk.get(`/fhir/R4/Appointment?patient=Patient/${patient}&date=ge${s1.date}`);
    assert.equal(mine.status, 200, mine.text);
    assert.deepEqual(entries(mine.body).map((a: { id: string }) => a.id), [second.id, first.id], 'newest first');
    const onDay = await kiosk.get(`/fhir/R4/Appointment?patient=Patient/${patient}&date=${s1.date}`);
    assert.deepEqual(entries(onDay.body).map((a: { id: string }) => a.id), [first.id]);
    const from = await kiosk.get(`/fhir/R4/Appointment?patient=${patient}&date=gt${s1.date}`);
    assert.deepEqual(entries(from.body).map((a: { id: string }) => a.id), [second.id]);
    const day = await kiosk.get(`/fhir/R4/Appointment?date=${s1.date}&specialty=H001-CAR&_count=1`);
    assert.equal(day.body.total, 2);
    assert.equal(entries(day.body).length, 1);
    assert.ok(day.body.link.some((l: { relation: string }) => l.relation === 'next'));
    const byActor = await kiosk.get(`/fhir/R4/Appointment?actor=Patient/${other}&status=booked`);
    assert.equal(byActor.body.total, 1);
    assert.equal((await kiosk.get(`/fhir/R4/Appointment?patient=Patient/${patient}&status=cancelled`)).body.total, 0);
    const { rows } = await p.kernel.pool.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1 AND action = 'appointment.read' AND entity_type = 'Patient'`, [patient]);
    assert.ok(rows[0].n >= 3);
  });

  test('row-level security: a doctor of another institution sees none of these bookings', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 2 });
    const [patient] = await demoPatients(p, 1);
    const booked = await book(desk, await firstFree(s.id), patient);
    const community = await p.as('dr.zhao'); // 城东社区, institution scope
    assertOutcome(await community.get(`/fhir/R4/Appointment/${booked.id}`), 404, 'not-found');
    const search = await community.get(`/fhir/R4/Appointment?patient=Patient/${patient}`);
    assert.equal(search.status, 200, search.text);
    assert.equal(search.body.total, 0);
  });

  test('PUT with status cancelled cancels and frees the number; any other change is a 422 naming the element', async () => {
    const s = await freshSession(p, '心血管内科普通门诊', { capacity: 2 });
    const [patient] = await demoPatients(p, 1);
    const slot = await firstFree(s.id);
    const booked = await book(kiosk, slot, patient);
    const current = (await kiosk.get(`/fhir/R4/Appointment/${booked.id}`)).body;
    const moved = await kiosk.put(`/fhir/R4/Appointment/${booked.id}`, { ...current, start: '2030-01-01T00:00:00Z' }, { 'accept-language': 'en' });
    assertOutcome(moved, 422, 'invalid');
    assert.deepEqual(moved.body.issue.map((i: { expression: string[] }) => i.expression[0]), ['Appointment.start']);
    const arrived = await kiosk.put(`/fhir/R4/Appointment/${booked.id}`, { ...current, status: 'arrived' });
    assertOutcome(arrived, 422, 'invalid');
    assert.deepEqual(arrived.body.issue[0].expression, ['Appointment.status']);
    // the same instant written in local time is not a change
    const localStart = new Date(Date.parse(current.start) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    const unchanged = await kiosk.put(`/fhir/R4/Appointment/${booked.id}`, { ...current, start: localStart });
    assert.equal(unchanged.status, 200, unchanged.text);
    assert.equal(unchanged.body.status, 'booked');
    const stale = await kiosk.put(`/fhir/R4/Appointment/${booked.id}`, { ...current, meta: { versionId: '7' }, status: 'cancelled' });
    assertOutcome(stale, 409, 'conflict');
    const cancelled = await kiosk.put(`/fhir/R4/Appointment/${booked.id}`, { resourceType: 'Appointment', id: booked.id, status: 'cancelled', cancelationReason: { text: '患者行程有变' } });
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal(cancelled.body.cancelationReason.text, '患者行程有变');
    assert.equal(cancelled.headers.get('etag'), 'W/"2"');
    const { rows } = await p.kernel.pool.query('SELECT a.status, a.cancel_reason, sl.status AS slot_status FROM appointment a JOIN sched_slot sl ON sl.id = a.slot_id WHERE a.id = $1', [booked.id]);
    assert.deepEqual(rows[0], { status: 'cancelled', cancel_reason: '患者行程有变', slot_status: 'free' });
    const find = await kiosk.get(`/fhir/R4/Appointment/$find?start=${s.date}&end=${s.date}&schedule=Schedule/${cardiology}`);
    assert.ok(entries(find.body).some((a: { id: string }) => a.id === `slot-${slot}`), 'the number is offered again');
    // cancelling again changes nothing
    const again = await kiosk.put(`/fhir/R4/Appointment/${booked.id}`, { resourceType: 'Appointment', id: booked.id, status: 'cancelled' });
    assert.equal(again.status, 200);
    assert.equal(again.body.meta.versionId, '2');
    const reader = await p.withToken('demo-integration', 'demo-integration-secret', 'clinical.read');
    assertOutcome(await reader.put(`/fhir/R4/Appointment/${booked.id}`, { resourceType: 'Appointment', id: booked.id, status: 'cancelled' }), 403, 'forbidden');
  });
});

describe('CapabilityStatement', () => {
  test('lists Schedule, Slot and Appointment with their search parameters and the IHE operations', async () => {
    const cs = (await p.anonymous().get('/fhir/R4/metadata')).body;
    const byType = new Map(cs.rest[0].resource.map((r: { type: string }) => [r.type, r]));
    const appointment = byType.get('Appointment') as any;
    assert.deepEqual(appointment.interaction.map((i: { code: string }) => i.code), ['read', 'vread', 'search-type', 'update']);
    assert.deepEqual(appointment.operation.map((o: { name: string }) => o.name), ['find', 'hold', 'book']);
    assert.equal(appointment.operation[0].definition, 'https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-find');
    for (const name of ['patient', 'date', 'status', 'practitioner', 'actor', 'service-type', 'specialty']) {
      assert.ok(appointment.searchParam.some((s: { name: string }) => s.name === name), name);
    }
    assert.deepEqual((byType.get('Slot') as any).searchParam.map((s: { name: string }) => s.name), ['_id', 'identifier', 'schedule', 'start', 'status', 'service-type', 'specialty']);
    assert.ok((byType.get('Schedule') as any).searchParam.some((s: { name: string }) => s.name === 'actor'));
  });
});
