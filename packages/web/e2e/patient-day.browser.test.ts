/**
 * The day of an appointment, end to end through the real pages: a patient books today's
 * 心血管内科 number on the phone, checks in on the phone, the doctor calls them from the calling
 * panel, and the waiting-area big screen shows the call (masked name, room) while the phone says
 * it is their turn.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { todaySession } from '@kangyun/queue/test/fixtures.ts';
import { login, onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';
import { bookOnPhone, DEMO_PHONE_PATIENT, hospitalDate, PHONE, signInOnPhone } from './phone.ts';

const BIG = '/display/big?device=demo-big-screen-h001-cardio';
const ROOM = '201 诊室';

const hhmm = (iso: Date) => iso.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

describe('the day of an appointment', () => {
  test('a patient books on the phone, checks in, is called, and the big screen shows the call', { timeout: TEST_TIMEOUT_MS * 3 }, onFailureScreenshot('patient-day', async () => {
    const { pool } = e2e.platform.kernel;
    // a 心血管内科 session running now (room 201 of the cardiology waiting area), so check-in is open
    const session = await todaySession(pool, '心血管内科普通门诊');
    const { rows: [s] } = await pool.query('SELECT starts_at, ends_at FROM sched_session WHERE id = $1', [session.id]);

    // the big screen of the waiting area, registered device, no sign-in
    const screen = await e2e.newPage();
    await screen.goto(BIG);
    await screen.locator('[data-testid="display-status"][data-status="open"]').waitFor();

    // 1. the patient books on the phone
    const phone = await e2e.newPage(PHONE);
    await signInOnPhone(phone, DEMO_PHONE_PATIENT, '/m/book');
    const booking = await bookOnPhone(phone, { department: '心血管内科', date: hospitalDate(0), doctor: `${hhmm(s.starts_at)}–${hhmm(s.ends_at)}` });
    const { rows: [appt] } = await pool.query('SELECT session_id, channel, status FROM appointment WHERE id = $1', [booking.appointmentId]);
    assert.deepEqual(appt, { session_id: session.id, channel: 'wechat', status: 'booked' });

    // 2. checks in on the phone (the link the booking's QR code carries)
    await phone.goto(`/m/checkin/${booking.appointmentId}`);
    await phone.getByTestId('my-checkin').tap();
    await phone.waitForURL(`**/m/queue/${booking.appointmentId}`);
    await phone.getByTestId('my-ticket').waitFor();
    const ticket = (await phone.getByTestId('my-ticket').innerText()).trim();
    assert.equal(ticket, String(booking.seq));
    assert.equal((await pool.query('SELECT status FROM appointment WHERE id = $1', [booking.appointmentId])).rows[0].status, 'checked_in');
    await screenshot(phone, 'patient-day-queued');

    // 3. the doctor calls from the calling panel
    const panel = await e2e.newPage();
    await login(panel, 'dr.zhang');
    await panel.evaluate(([date, sessionId, room]) => window.localStorage.setItem('kangyun.queue.calling', JSON.stringify({ date, sessionId, room })), [hospitalDate(0), session.id, session.room] as const);
    await panel.goto('/queue/calling');
    await panel.getByTestId('calling-waiting').getByText(`${ticket} 号`).waitFor();
    const t0 = Date.now();
    await panel.getByTestId('call-next').click();
    await panel.getByTestId('calling-current').getByText(new RegExp(`${ticket} 号`)).waitFor();

    // 4. the big screen shows the call: masked name, room; the phone says it is their turn
    const room = screen.locator(`[data-testid="room-card"][data-room="${ROOM}"]`);
    const masked = `${DEMO_PHONE_PATIENT.name.slice(0, 1)}*`;
    await room.getByTestId('room-current').getByText(`${ticket} 号 ${masked}`).waitFor({ timeout: 5000 });
    const banner = await screen.getByTestId('latest-call').innerText();
    assert.ok(banner.includes(masked) && banner.includes(ROOM), `banner: ${banner}`);
    assert.ok(!banner.includes(DEMO_PHONE_PATIENT.name), 'the full name never appears on the screen');
    await phone.getByTestId('my-called').getByText(ROOM).waitFor({ timeout: 5000 });
    await screenshot(screen, 'patient-day-big-screen');
    assert.ok(Date.now() - t0 < 5000);
    assert.deepEqual([...uncaughtErrors(phone), ...uncaughtErrors(screen), ...uncaughtErrors(panel)], []);
  }));
});
