/**
 * The kernel's outbox as modules use it: queued in the caller's transaction, scoped by row-level
 * security, idempotent with a dedupe key, cancellable, visible in the recipient's inbox once due.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cancelNotifications, enqueueNotification, enqueueNotifications, type CallContext, type NotificationMessage } from '@kangyun/kernel';
import type { TestPlatform } from '@kangyun/server/testing/index.ts';
import { DEFAULT_DELIVERY_OPTIONS, DeliveryWorker, patientInbox, markPatientInboxRead } from './index.js';
import { accountId, contextOf, institutionId, outboxRows, startWith } from './test-helpers.js';

let p: TestPlatform;
let h001: number;
let c001: number;
let nurse: CallContext; // nurse.liu, 示例市第一人民医院 (institution scope)
let psy: CallContext; // psy.he, 心理科 (department scope)
let worker: DeliveryWorker;

before(async () => {
  p = await startWith({ jobs: false });
  h001 = await institutionId(p, 'H001');
  c001 = await institutionId(p, 'C001');
  nurse = await contextOf(p, 'nurse.liu');
  psy = await contextOf(p, 'psy.he');
  worker = new DeliveryWorker(p.kernel.pool, p.kernel.crypto, DEFAULT_DELIVERY_OPTIONS);
});
after(async () => { await p.close(); });

const booked = (patientId: number, extra: Partial<NotificationMessage> = {}): NotificationMessage => ({
  recipient: { kind: 'patient', patientId },
  kind: 'appointment.booked',
  title: '预约成功',
  body: '您已预约 3 月 5 日上午 安宁疗护科 王建国 主任医师，请携带身份证按时就诊。',
  link: '/appointments/1',
  params: { appointmentId: 1 },
  ...extra,
});

describe('queuing in the caller\'s transaction', () => {
  test('a transaction that rolls back leaves nothing in the outbox', async () => {
    await assert.rejects(p.kernel.scoped(nurse, async (db) => {
      const n = await p.kernel.notify(db, booked(9001, { channels: ['sms'], toEncrypted: { sms: p.kernel.crypto.encryptField('13800000001') } }));
      assert.equal(n, 2);
      throw new Error('booking failed after queuing');
    }), /booking failed/);
    assert.deepEqual(await outboxRows(p, 'patient_id = 9001'), []);
  });

  test('a committed one writes the in-app row plus one row per extra channel, in the caller\'s institution, by the caller', async () => {
    const sms = p.kernel.crypto.encryptField('13800000002');
    const n = await p.kernel.scoped(nurse, (db) => p.kernel.notify(db, [
      booked(9002, { channels: ['sms', 'wechat', 'sms'], toEncrypted: { sms } }),
      { recipient: { kind: 'staff', accountId: nurse.actor.accountId! }, kind: 'appointment.substituted', title: '替诊通知', body: '明天上午的门诊由李明医师替诊。' },
    ]));
    assert.equal(n, 4);
    const rows = await outboxRows(p, 'patient_id = 9002 OR account_id = $1', [nurse.actor.accountId]);
    assert.deepEqual(rows.map((r) => [r.recipient_kind, r.channel]), [['patient', 'inapp'], ['patient', 'sms'], ['patient', 'wechat'], ['staff', 'inapp']]);
    for (const r of rows) {
      assert.equal(r.institution_id, h001);
      // in-app messages due now are delivered by the commit itself (the inbox reads this table)
      assert.equal(r.status, r.channel === 'inapp' ? 'sent' : 'pending', r.channel);
      assert.equal(r.created_by, nurse.actor.accountId);
    }
    assert.equal(rows[0].to_enc, null, 'the in-app row carries no address');
    assert.equal(rows[1].to_enc, sms);
    assert.equal(rows[2].to_enc, null);
    assert.deepEqual(rows[0].params, { appointmentId: 1 });
    assert.equal(p.kernel.crypto.decryptField(rows[1].to_enc), '13800000002');
  });

  test('many messages go in one statement', async () => {
    const messages = Array.from({ length: 300 }, (_, i) => booked(20_000 + i, { channels: ['sms'] }));
    const queries: string[] = [];
    const n = await p.kernel.scoped(nurse, async (db) => {
      const counting = { query: ((...args: Parameters<typeof db.query>) => { queries.push(String(args[0])); return db.query(...args); }) as typeof db.query };
      return enqueueNotifications(counting, messages);
    });
    assert.equal(n, 600);
    assert.equal(queries.length, 1);
  });

  test('the same dedupe key is queued once, so a reminder job may run again', async () => {
    const remind = booked(9003, { kind: 'appointment.reminder', title: '就诊提醒', body: '您明天上午有预约。', channels: ['sms'], dedupeKey: 'appointment:9003:reminder' });
    assert.equal(await enqueueNotification(p.kernel.pool, { ...remind, institutionId: h001 }), 2);
    assert.equal(await enqueueNotification(p.kernel.pool, { ...remind, institutionId: h001 }), 0);
    assert.equal(await p.kernel.scoped(nurse, (db) => enqueueNotifications(db, [remind, remind])), 0);
    assert.equal((await outboxRows(p, 'patient_id = 9003')).length, 2);
  });

  test('a background job (no request context) must name the institution', async () => {
    await assert.rejects(enqueueNotification(p.kernel.pool, booked(9004)), /institution_id/);
  });

  test('malformed messages are refused before any SQL', async () => {
    await assert.rejects(enqueueNotification(p.kernel.pool, booked(9005, { kind: 'Appointment Booked' })), TypeError);
    await assert.rejects(enqueueNotification(p.kernel.pool, booked(9005, { title: '' })), TypeError);
    await assert.rejects(enqueueNotification(p.kernel.pool, booked(9005, { channels: ['fax' as 'sms'] })), TypeError);
    await assert.rejects(enqueueNotification(p.kernel.pool, { ...booked(9005), recipient: { kind: 'patient' } as never }), TypeError);
  });
});

describe('row-level security', () => {
  test('a request cannot queue messages for an institution outside its scope', async () => {
    await assert.rejects(p.kernel.scoped(nurse, (db) => p.kernel.notify(db, booked(9010, { institutionId: c001 }))), /row-level security/);
  });

  test('a department-scoped clinician may queue and cancel for their institution, without reading the rows', async () => {
    const key = 'appointment:9011:reminder';
    const n = await p.kernel.scoped(psy, (db) => p.kernel.notify(db, booked(9011, { channels: ['sms'], dedupeKey: key, notBefore: new Date(Date.now() + 86_400_000) })));
    assert.equal(n, 2);
    const seen = await p.kernel.scoped(psy, async (db) => (await db.query('SELECT count(*)::int AS n FROM notification_outbox WHERE patient_id = 9011')).rows[0].n);
    assert.equal(seen, 0);
    assert.equal(await p.kernel.scoped(psy, (db) => cancelNotifications(db, [key])), 2);
    assert.deepEqual((await outboxRows(p, 'patient_id = 9011')).map((r) => r.status), ['cancelled', 'cancelled']);
  });

  test('another institution cannot read, cancel or change the rows', async () => {
    const key = 'appointment:9012:reminder';
    await p.kernel.scoped(nurse, (db) => p.kernel.notify(db, booked(9012, { dedupeKey: key, notBefore: new Date(Date.now() + 3_600_000) })));
    const other = await contextOf(p, 'nurse.zhou'); // 城东社区
    const seen = await p.kernel.scoped(other, async (db) => (await db.query('SELECT count(*)::int AS n FROM notification_outbox WHERE patient_id = 9012')).rows[0].n);
    assert.equal(seen, 0);
    assert.equal(await p.kernel.scoped(other, (db) => cancelNotifications(db, [key])), 0);
    const changed = await p.kernel.scoped(other, async (db) => (await db.query("UPDATE notification_outbox SET status = 'sent' WHERE patient_id = 9012")).rowCount);
    assert.equal(changed, 0);
    await assert.rejects(p.kernel.scoped(nurse, (db) => db.query("UPDATE notification_outbox SET body = 'x' WHERE patient_id = 9012")), /permission denied/);
    await assert.rejects(p.kernel.scoped(nurse, (db) => db.query('DELETE FROM notification_outbox WHERE patient_id = 9012')), /permission denied/);
    assert.equal((await outboxRows(p, "patient_id = 9012 AND status = 'pending'")).length, 1);
  });
});

describe('in-app messages', () => {
  test('a patient sees their in-app messages once delivered, newest first, and can mark them read', async () => {
    await p.kernel.scoped(nurse, (db) => p.kernel.notify(db, [
      booked(9020, { title: '预约成功', channels: ['sms'] }),
      booked(9020, { kind: 'appointment.reminder', title: '就诊提醒', body: '明天见', notBefore: new Date(Date.now() + 3_600_000) }),
    ]));
    const other = await contextOf(p, 'dr.zhao');
    await p.kernel.scoped(other, (db) => p.kernel.notify(db, booked(9020, { title: '城东预约成功' })));
    await worker.deliverInApp();
    const inbox = await patientInbox(p.kernel, 9020);
    assert.deepEqual(inbox.items.map((m) => m.title), ['城东预约成功', '预约成功'], 'the reminder is not due yet; SMS rows are not in-app');
    assert.equal(inbox.unread, 2);
    assert.equal(inbox.items[1].institutionName, '示例市第一人民医院');
    const hospitalOnly = await patientInbox(p.kernel, 9020, [h001]);
    assert.deepEqual(hospitalOnly.items.map((m) => m.title), ['预约成功']);
    assert.equal(await markPatientInboxRead(p.kernel, 9020, [inbox.items[1].id]), 1);
    const after = await patientInbox(p.kernel, 9020, undefined, { unreadOnly: true });
    assert.deepEqual(after.items.map((m) => m.title), ['城东预约成功']);
    assert.equal(after.unread, 1);
    assert.equal(await markPatientInboxRead(p.kernel, 9020), 1);
    assert.equal((await patientInbox(p.kernel, 9020)).unread, 0);
  });

  test('the delivery job marks due in-app rows sent and leaves later ones pending', async () => {
    const staff = await accountId(p, 'dr.li');
    await p.kernel.scoped(nurse, (db) => p.kernel.notify(db, [
      { recipient: { kind: 'staff', accountId: staff }, kind: 'appointment.suspended', title: '停诊通知', body: '3 月 5 日上午门诊停诊。' },
      { recipient: { kind: 'staff', accountId: staff }, kind: 'appointment.reminder', title: '明日门诊', body: '明天上午有 12 位预约。', notBefore: new Date(Date.now() + 3_600_000) },
    ]));
    await worker.deliverInApp();
    const rows = await outboxRows(p, 'account_id = $1', [staff]);
    assert.deepEqual(rows.map((r) => r.status), ['sent', 'pending']);
    assert.ok(rows[0].sent_at);
  });
});

describe('audit rows and messages sent with the COMMIT (appendWithCommit)', () => {
  const tricky = "O'Brien \\ 预约 $1 ;COMMIT; -- 😀";

  test('they are written when the transaction commits, text exactly as given, in-app already delivered', async () => {
    const seenInside = await p.kernel.scoped(nurse, async (db) => {
      await p.kernel.audit(db, nurse, { action: 'appointment.book', entityType: 'Appointment', entityId: 9031, patientId: 9031, detail: { note: tricky } });
      await p.kernel.notify(db, booked(9031, { title: tricky, body: tricky, params: { note: tricky } }));
      return (await db.query('SELECT count(*)::int AS n FROM notification_outbox WHERE patient_id = 9031')).rows[0].n;
    }, { appendWithCommit: true });
    assert.equal(seenInside, 0, 'queued until the COMMIT');
    const [row] = await outboxRows(p, 'patient_id = 9031');
    assert.equal(row.title, tricky);
    assert.equal(row.body, tricky);
    assert.deepEqual(row.params, { note: tricky });
    assert.equal(row.status, 'sent');
    assert.equal(row.created_by, nurse.actor.accountId);
    const { rows: audit } = await p.kernel.pool.query(`SELECT actor_id, action, entity_id, patient_id, detail FROM audit_event WHERE patient_id = 9031`);
    assert.deepEqual(audit, [{ actor_id: nurse.actor.accountId, action: 'appointment.book', entity_id: '9031', patient_id: 9031, detail: { note: tricky } }]);
  });

  test('an append that fails rolls the whole transaction back', async () => {
    await assert.rejects(p.kernel.scoped(nurse, async (db) => {
      await p.kernel.audit(db, nurse, { action: 'appointment.book', entityType: 'Appointment', entityId: 9032, patientId: 9032 });
      await p.kernel.notify(db, booked(9032));
      // an institution that does not exist: the foreign key refuses the row at COMMIT time
      await p.kernel.notify(db, booked(9032, { institutionId: 987_654 }));
    }, { appendWithCommit: true }), /foreign key|violates/);
    assert.deepEqual(await outboxRows(p, 'patient_id = 9032'), []);
    assert.equal((await p.kernel.pool.query('SELECT count(*)::int AS n FROM audit_event WHERE patient_id = 9032')).rows[0].n, 0);
  });

  test('an in-app message queued for later is still delivered by the job once due', async () => {
    await p.kernel.scoped(nurse, (db) => p.kernel.notify(db, booked(9033, { notBefore: new Date(Date.now() + 300) })), { appendWithCommit: true });
    assert.equal((await outboxRows(p, 'patient_id = 9033'))[0].status, 'pending');
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(await worker.deliverInApp() >= 1);
    assert.equal((await outboxRows(p, 'patient_id = 9033'))[0].status, 'sent');
  });
});
