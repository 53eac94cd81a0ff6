/**
 * The on-the-day flow through the staff and patient pages: the triage nurse scans a booking at
 * 分诊签到, the patient follows their place on the phone (/m/queue/:id), the doctor presses 下一位
 * on the calling panel and the phone shows 轮到您了 at once. The management pages (display devices,
 * waiting areas, queue rules) open without errors.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PORTAL_COOKIE, createPortalSession } from '@kangyun/kernel';
import { book, patients, todaySession } from '@kangyun/queue/test/fixtures.ts';
import { login, onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';

let e2e: E2E;

describe('queue pages (分诊签到, 叫号, 排队进度)', () => {
  before(async () => { e2e = await startE2E(); });
  after(async () => { await e2e?.close(); });

  test('desk check-in → the phone shows the place → the doctor calls → the phone says it is my turn', { timeout: TEST_TIMEOUT_MS * 2 }, onFailureScreenshot('queue-staff', async () => {
    const { pool } = e2e.platform.kernel;
    const session = await todaySession(pool, '心血管内科普通门诊');
    const [first, mine] = await patients(pool, 2, { maxAge: 60 });
    const firstId = await book(pool, session, first, 1, 5);
    const myId = await book(pool, session, mine, 2, 5);

    // 分诊签到: a scanner types the slip's QR code and Enter
    const desk = await e2e.newPage();
    await login(desk, 'nurse.triage');
    await desk.goto('/queue/checkin');
    const scan = desk.getByTestId('checkin-scan');
    await scan.fill(`${e2e.baseUrl}/m/checkin/${firstId}`);
    await scan.press('Enter');
    await desk.getByText(/签到成功：1 号/).waitFor();
    await scan.fill(String(myId));
    await scan.press('Enter');
    await desk.getByText(/签到成功：2 号/).waitFor();
    await screenshot(desk, 'queue-desk');

    // the patient's phone, signed in to the portal
    const phone = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const token = await createPortalSession(pool, e2e.platform.kernel.crypto, mine, '127.0.0.1', 'e2e');
    await phone.context().addCookies([{ name: PORTAL_COOKIE, value: token, url: e2e.baseUrl }]);
    await phone.goto(`/m/queue/${myId}`);
    await phone.getByTestId('my-ticket').getByText('2').waitFor();
    await phone.getByTestId('my-ahead').getByText('前面还有 1 人').waitFor();

    // 叫号: the doctor's panel on this session
    const panel = await e2e.newPage();
    await login(panel, 'dr.zhang');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await panel.evaluate(([date, sessionId, room]) => window.localStorage.setItem('kangyun.queue.calling', JSON.stringify({ date, sessionId, room })), [today, session.id, session.room] as const);
    await panel.goto('/queue/calling');
    await panel.getByTestId('calling-waiting').getByText('2 号').waitFor();
    await panel.getByTestId('call-next').click();
    await panel.getByTestId('calling-current').getByText(/1 号/).waitFor();
    await phone.getByTestId('my-ahead').getByText('下一位就是您').waitFor();
    await panel.getByTestId('call-next').click();
    await panel.getByTestId('calling-current').getByText(/2 号/).waitFor();
    await phone.getByTestId('my-called').getByText('201 诊室').waitFor({ timeout: 3000 });
    await screenshot(panel, 'queue-calling');
    await screenshot(phone, 'queue-phone');
    for (const page of [desk, phone, panel]) assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('the management pages open', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('queue-manage', async () => {
    const page = await e2e.newPage();
    await login(page, 'nurse.triage');
    await page.goto('/queue/devices');
    await page.getByText('心内科候诊区大屏').waitFor();
    await screenshot(page, 'queue-devices');
    await page.goto('/queue/areas');
    await page.getByText('超声科二次候诊区').first().waitFor();
    await screenshot(page, 'queue-areas');
    await page.goto('/queue/rules');
    await page.getByTestId('rules-save').waitFor();
    await screenshot(page, 'queue-rules');
    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
