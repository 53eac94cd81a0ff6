/**
 * The booking desk in the browser: the clerk (reg.song) finds a patient with the keyboard (F2,
 * name, Enter), chooses 心血管内科 and tomorrow, a doctor's session and a number, double-clicks
 * 确认预约 (one booking, not two), sees the slip with 第 N 号 and the check-in QR code, cancels the
 * booking with a reason; the day list shows it; the statistics page draws its charts and tables.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from '../../../../packages/web/e2e/browser.ts';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const hospitalDate = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('booking desk and statistics pages', () => {
  test('book with the keyboard, double-click books once, print slip, cancel', { timeout: TEST_TIMEOUT_MS * 2 }, onFailureScreenshot('desk-book', async () => {
    const pool = e2e.platform.kernel.pool;
    // a demo patient of the hospital with a name no other demo patient shares, who may see a cardiologist
    const { rows: [patient] } = await pool.query(
      `SELECT p.id, p.name, r.mrn FROM patient p JOIN patient_record r ON r.patient_id = p.id JOIN org_unit i ON i.id = r.institution_id AND i.code = 'H001'
       WHERE age(p.birth_date) > interval '18 years' AND (SELECT count(*) FROM patient q WHERE q.name = p.name) = 1 ORDER BY p.id DESC LIMIT 1`);
    const page = await e2e.newPage();
    await login(page, 'reg.song');
    await page.goto('/scheduling/desk');
    await page.getByPlaceholder(/姓名/).waitFor();
    await page.locator('h4', { hasText: '预约挂号台' }).click(); // focus elsewhere: F2 must bring it back
    await page.keyboard.press('F2');
    await page.keyboard.type(patient.name);
    await page.keyboard.press('Enter');
    // the desk sees the name masked (张*三); the record number tells it is the right patient
    await page.getByTestId('desk-patient-name').waitFor();
    await page.getByText(patient.mrn, { exact: true }).waitFor();

    await page.locator('[data-testid=desk-department]').click();
    await page.keyboard.type('心血管');
    await page.keyboard.press('Enter');
    const dateInput = page.locator('.ant-picker input').first();
    await dateInput.click();
    await dateInput.fill(hospitalDate(1));
    const tomorrows = page.waitForResponse((r) => r.url().includes('/api/scheduling/sessions?') && r.url().includes(`from=${hospitalDate(1)}`));
    await dateInput.press('Enter');
    await tomorrows;
    const session = page.locator('[data-testid=desk-sessions] button[data-session]:not([disabled])').first();
    await session.waitFor();
    const sessionId = Number(await session.getAttribute('data-session'));
    await session.click();
    const free = page.locator('[data-testid=desk-slots] button[data-state=free]').first();
    await free.waitFor();
    await screenshot(page, 'desk-numbers');
    const seq = Number(await free.getAttribute('data-seq'));
    await free.click();

    const answers: number[] = [];
    page.on('response', (r) => { if (r.url().endsWith('/api/appointments') && r.request().method() === 'POST') answers.push(r.status()); });
    await page.getByTestId('desk-confirm').dblclick();
    await page.getByTestId('booking-slip').waitFor();
    assert.equal(await page.getByTestId('slip-number').textContent(), `第 ${seq} 号`);
    const { rows } = await pool.query(`SELECT id, session_id FROM appointment WHERE patient_id = $1 AND status = 'booked'`, [patient.id]);
    assert.equal(rows.length, 1, `one booking after a double click (answers ${answers.join(',')})`);
    assert.equal(Number(rows[0].session_id), sessionId);
    const qr = await page.getByTestId('slip-qr').getAttribute('data-value');
    assert.equal(qr, `${e2e.baseUrl}/m/checkin/${rows[0].id}`);
    assert.match((await page.getByTestId('slip-patient').textContent())!, /\*/);
    await screenshot(page, 'desk-slip');
    // printing applies the slip-only print stylesheet
    await page.evaluate(() => { window.print = () => { document.body.dataset.printed = document.body.classList.contains('printing-slip') ? 'slip' : 'page'; }; });
    await page.getByTestId('slip-print').click();
    assert.equal(await page.evaluate(() => document.body.dataset.printed), 'slip');
    await page.keyboard.press('Escape');

    const item = page.locator(`[data-appointment="${rows[0].id}"]`);
    await item.getByRole('button', { name: /取消预约/ }).click();
    await page.getByTestId('cancel-confirm').click();
    await item.getByText('已取消').waitFor();
    const after = await pool.query('SELECT status, cancel_reason FROM appointment WHERE id = $1', [rows[0].id]);
    assert.deepEqual(after.rows[0], { status: 'cancelled', cancel_reason: '患者要求取消' });

    await page.goto(`/scheduling/desk/day?date=${hospitalDate(1)}`);
    await page.locator('.ant-table-row').filter({ hasText: '已取消' }).first().waitFor();
    await screenshot(page, 'desk-day');
    assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('the statistics page shows figures, charts and exportable tables', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('stats-page', async () => {
    const page = await e2e.newPage();
    await login(page, 'sched.lu');
    await page.goto(`/scheduling/stats?from=${hospitalDate(0)}&to=${hospitalDate(13)}`);
    await page.getByTestId('stats-kpis').waitFor();
    await page.locator('canvas').first().waitFor();
    assert.ok(await page.locator('canvas').count() >= 3, 'bar, pie and heat map charts');
    await screenshot(page, 'stats-page');
    await page.getByRole('tab', { name: '按科室' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '心血管内科' }).first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('tabpanel').getByRole('button', { name: /Excel/ }).first().click();
    assert.match((await download).suggestedFilename(), /\.xlsx$/);
    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
