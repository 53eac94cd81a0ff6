/**
 * The patient's phone (390×844, touch): a demo patient verifies on /m/login with name, resident ID
 * and mobile, books tomorrow's 心血管内科 number through /m/book (hospital → department → doctor and
 * day → time → confirm), sees the success page with the check-in QR code, finds the booking under
 * 我的预约, and cancels another booking with a reason. A first-time patient registers on /m/login.
 *
 * The phone helpers live in phone.ts (also used by the end-to-end test of the day).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPatients, residentIdCheckChar } from '@kangyun/patients';
import { onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';
import { bookOnPhone, DEMO_PHONE_PATIENT, hospitalDate, noSidewaysScroll, PHONE, signInOnPhone } from './phone.ts';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

describe('patient booking on the phone', () => {
  test('a patient signs in, books tomorrow\'s 心血管内科 number, sees it under 我的预约 and cancels another booking', { timeout: TEST_TIMEOUT_MS * 2 }, onFailureScreenshot('patient-booking', async () => {
    const page = await e2e.newPage(PHONE);
    const who = DEMO_PHONE_PATIENT;
    // opening a patient page without a portal session goes to sign-in and comes back afterwards
    await page.goto('/m/appointments');
    await page.waitForURL('**/m/login?next=%2Fm%2Fappointments');
    await signInOnPhone(page, who, '/m/appointments');
    await page.getByText(`就诊人：${who.name.slice(0, 1)}*`).waitFor();

    const tomorrow = hospitalDate(1);
    await page.goto('/m/book');
    await page.locator('[data-testid=institution]').first().waitFor();
    await noSidewaysScroll(page, 'the hospital list');
    const booking = await bookOnPhone(page, { department: '心血管内科', date: tomorrow, screenshots: 'phone-book' });
    await screenshot(page, 'phone-booked');
    await noSidewaysScroll(page, 'the success page');
    const detail = page.getByTestId('appointment-detail');
    assert.equal(await page.getByTestId('appointment-number').innerText(), String(booking.seq));
    assert.match(await detail.innerText(), /心血管内科/);
    assert.match(await detail.innerText(), /门诊楼 2 楼 20[12] 诊室/);
    assert.equal(await page.getByTestId('checkin-qr').getAttribute('data-value'), `${e2e.baseUrl}/m/checkin/${booking.appointmentId}`);
    assert.equal(await page.getByRole('link', { name: /签\s*到/ }).getAttribute('href'), `/m/checkin/${booking.appointmentId}`);
    assert.equal(await page.getByRole('link', { name: /排队进度/ }).getAttribute('href'), `/m/queue/${booking.appointmentId}`);

    const { rows } = await e2e.platform.kernel.pool.query(
      `SELECT a.patient_id, a.channel, a.status, to_char(s.service_date, 'YYYY-MM-DD') AS day, d.name AS department
       FROM appointment a JOIN sched_session s ON s.id = a.session_id JOIN org_unit d ON d.id = a.department_id WHERE a.id = $1`, [booking.appointmentId]);
    assert.equal(rows[0].channel, 'wechat');
    assert.equal(rows[0].status, 'booked');
    assert.equal(rows[0].day, tomorrow);
    assert.equal(rows[0].department, '心血管内科');

    // a second booking, another department the same day (one per department per day)
    const other = await bookOnPhone(page, { department: '安宁疗护科', date: tomorrow });

    // 我的预约 through the bottom navigation: both bookings, upcoming
    await page.locator('.m-tabbar').getByText('我的预约').tap();
    await page.waitForURL('**/m/appointments');
    const card = (id: number) => page.locator(`[data-testid=appointment][data-id="${id}"]`);
    await card(booking.appointmentId).waitFor();
    assert.match(await card(booking.appointmentId).innerText(), /已预约/);
    assert.match(await card(booking.appointmentId).innerText(), new RegExp(`第 ${booking.seq} 号`));
    await noSidewaysScroll(page, 'my appointments');
    await screenshot(page, 'phone-my-appointments');

    // cancel the other one, with a reason
    await card(other.appointmentId).getByRole('button', { name: '取消预约' }).tap();
    const dialog = page.locator('.ant-modal');
    await dialog.getByText('身体已好转').tap();
    const cancelled = page.waitForResponse((r) => r.url().endsWith(`/api/portal/appointments/${other.appointmentId}/cancel`));
    await dialog.getByRole('button', { name: '确认取消' }).tap();
    assert.equal((await cancelled).status(), 200);
    await card(other.appointmentId).waitFor({ state: 'detached' });
    await card(booking.appointmentId).waitFor();
    await page.getByRole('radio', { name: '全部' }).tap().catch(() => page.getByText('全部', { exact: true }).tap());
    await card(other.appointmentId).waitFor();
    assert.match(await card(other.appointmentId).innerText(), /已取消/);
    const after = await e2e.platform.kernel.pool.query('SELECT status, cancel_reason FROM appointment WHERE id = $1', [other.appointmentId]);
    assert.deepEqual(after.rows[0], { status: 'cancelled', cancel_reason: '身体已好转' });

    // 我的消息: the booking and cancellation notices
    await page.locator('.m-tabbar').getByText('我的消息').tap();
    await page.locator('[data-testid=message]').filter({ hasText: '预约已取消' }).waitFor();
    await screenshot(page, 'phone-messages');
    assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('a patient moves a booking to another day (改约) from its detail page', { timeout: TEST_TIMEOUT_MS * 2 }, onFailureScreenshot('patient-reschedule', async () => {
    const page = await e2e.newPage(PHONE);
    await signInOnPhone(page, demoPatients(200)[2]);
    const first = await bookOnPhone(page, { department: '肿瘤科', date: hospitalDate(2) });
    await page.getByRole('button', { name: /改\s*约/ }).tap();
    await page.waitForURL(/\/m\/book\?reschedule=/);
    const day = hospitalDate(3);
    await page.locator(`button.m-date[data-date="${day}"]`).tap();
    await page.locator('[data-testid=session]').first().getByRole('button', { name: /预\s*约/ }).tap();
    await page.locator('[data-testid=segment]:not([disabled])').last().tap();
    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/portal/appointments/${first.appointmentId}/reschedule`));
    await page.getByTestId('confirm').getByRole('button', { name: '确认改约' }).tap();
    const res = await moved;
    assert.equal(res.status(), 200, await res.text());
    const next = (await res.json()) as { id: number };
    await page.waitForURL(`**/m/appointments/${next.id}?done=rescheduled`);
    await page.getByText('改约成功').first().waitFor();
    const { rows } = await e2e.platform.kernel.pool.query(
      `SELECT a.id, a.status, to_char(s.service_date, 'YYYY-MM-DD') AS day FROM appointment a JOIN sched_session s ON s.id = a.session_id WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`,
      [[first.appointmentId, next.id]]);
    assert.deepEqual(rows.map((r) => [r.status, r.day]), [['cancelled', hospitalDate(2)], ['booked', day]]);
    assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('a first-time patient registers on the phone and lands on the booking page', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('patient-register', async () => {
    const page = await e2e.newPage(PHONE);
    await page.goto('/m/login');
    await page.getByText('首次就诊建档').tap();
    const body = '33010519950303521';
    const idNumber = body + residentIdCheckChar(body);
    const form = page.locator('form#portal-register');
    await form.locator('#portal-register_name').fill('柳新来');
    await form.locator('#portal-register_idNumber').fill(idNumber);
    await form.locator('#portal-register_mobile').fill('13700001234');
    await form.locator('#portal-register_institutionId').tap();
    await page.locator('.ant-select-item-option').filter({ hasText: '城东社区卫生服务中心' }).tap();
    await screenshot(page, 'phone-register');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/portal/register'));
    await form.locator('button[type="submit"]').tap();
    assert.equal((await answered).status(), 201);
    await page.waitForURL('**/m/book');
    await page.locator('[data-testid=institution]').first().waitFor();
    const { rows } = await e2e.platform.kernel.pool.query(
      `SELECT i.code FROM patient p JOIN patient_record r ON r.patient_id = p.id JOIN org_unit i ON i.id = r.institution_id WHERE p.name = '柳新来'`);
    assert.deepEqual(rows, [{ code: 'C001' }]);
    // a wrong mobile for a known person gets the generic answer, on the page
    await page.goto('/m/login');
    const login = page.locator('form#portal-login');
    await login.locator('#portal-login_name').fill('柳新来');
    await login.locator('#portal-login_idNumber').fill(idNumber);
    await login.locator('#portal-login_mobile').fill('13700009999');
    await login.locator('button[type="submit"]').tap();
    await page.getByTestId('login-problem').getByText(/请核对姓名、证件号码和手机号/).waitFor();
    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
