/**
 * The planning pages in the browser: the schedule administrator (sched.lu) opens tomorrow's
 * cardiology sessions in the calendar, opens a session's number pool, suspends it (the booked
 * patient is moved) and reads the outcome; generates sessions from the templates and follows the
 * progress bar to the end; saves the booking rules; reads the holiday calendar.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, onFailureScreenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from '../../../../packages/web/e2e/browser.ts';
import { demoPatients } from '../test/fixtures.ts';
import { seedPlanningDemo } from './demo.ts';
import { addDays, localToday } from './dates.ts';

let e2e: E2E;
before(async () => {
  e2e = await startE2E();
  await seedPlanningDemo(e2e.platform.kernel);
});
after(async () => { await e2e?.close(); });

describe('planning pages', () => {
  test('calendar, pool editor and suspension; template generation with progress; rules; holidays', { timeout: TEST_TIMEOUT_MS * 3 }, onFailureScreenshot('planning', async () => {
    const pool = e2e.platform.kernel.pool;
    const tomorrow = addDays(localToday(), 1);
    const { rows: [car] } = await pool.query(`SELECT id FROM org_unit WHERE code = 'H001-CAR'`);
    const { rows: [session] } = await pool.query(
      `SELECT s.id FROM sched_session s JOIN sched_resource r ON r.id = s.resource_id WHERE r.name LIKE '心血管内科普通门诊%' AND s.service_date = $1 AND s.period = 'pm'`, [tomorrow]);
    const desk = await e2e.platform.as('reg.song');
    const [patient] = await demoPatients(e2e.platform, 1);
    assert.equal((await desk.post('/api/appointments', { patientId: patient, sessionId: session.id })).status, 201);

    const page = await e2e.newPage();
    await login(page, 'sched.lu');
    await page.goto(`/scheduling/calendar?week=${tomorrow}&departmentId=${car.id}`);
    await page.getByRole('button', { name: `心血管内科普通门诊（张慧） ${tomorrow} 下午` }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('号序').first().waitFor();
    assert.ok(await drawer.locator('.ant-table-tbody tr').count() >= 30, 'every number is listed');

    // antd spaces out two-character button labels (停 诊)
    await drawer.getByRole('button', { name: /^停\s?诊$/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '已预约患者' });
    await dialog.getByLabel('停诊原因').fill('医生临时外出');
    await dialog.getByRole('button', { name: /^停\s?诊$/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /^停\s?诊$/ }).click();
    const outcome = page.locator('.ant-modal').filter({ hasText: '停诊处理结果' });
    await outcome.getByText(/改约 1 人，取消 0 人/).waitFor();
    await outcome.locator('.ant-modal-footer').getByRole('button', { name: /^关\s?闭$/ }).click();
    const { rows } = await pool.query(`SELECT status FROM appointment WHERE session_id = $1`, [session.id]);
    assert.deepEqual(rows.map((r) => r.status), ['cancelled']);
    await drawer.getByRole('button', { name: '恢复出诊' }).waitFor();

    await page.goto('/scheduling/templates');
    await page.getByRole('button', { name: /星期一 上午 08:00-12:00/ }).first().waitFor();
    await page.getByRole('button', { name: '生成排班' }).click();
    const generate = page.locator('.ant-modal').filter({ hasText: '按模板生成排班' });
    await generate.getByText('心血管内科').waitFor();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/scheduling/templates/generate') && r.request().method() === 'POST', { timeout: 20_000 });
    await generate.getByRole('button', { name: '开始生成' }).click();
    const res = await answered;
    assert.ok(res.status() === 200 || res.status() === 202, `generate answered ${res.status()} ${await res.text()}`);
    await generate.getByText('生成完成').waitFor({ timeout: 60_000 });
    await generate.getByText('28 / 28 天').waitFor();

    await page.goto('/scheduling/rules');
    await page.getByLabel('提前预约天数').waitFor();
    await page.getByRole('button', { name: /^保\s?存$/ }).first().click();
    await page.getByText(/已保存，\d+ 个未结束出诊单元/).waitFor();

    await page.goto('/scheduling/holidays');
    await page.getByRole('heading', { name: '节假日与时令' }).waitFor();
    await page.getByText('冬令时间').waitFor();

    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
