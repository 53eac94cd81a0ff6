/**
 * Exam booking in the browser: the clerk (reg.song) finds a patient, ticks 腹部彩超, 胃镜, 肠镜 and
 * 心电图, proposes a plan (gastroscopy and colonoscopy share one visit, the ultrasound comes first,
 * the rejected earlier times are explained), books it, and prints the slip with one check-in QR
 * code per appointment and the preparation instructions. The catalogue and rules pages list the demo data.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, onFailureScreenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from '../../../../packages/web/e2e/browser.ts';
import { seedExamsDemo } from './index.js';

let e2e: E2E;
before(async () => {
  e2e = await startE2E();
  await seedExamsDemo(e2e.platform.kernel);
});
after(async () => { await e2e?.close(); });

describe('exam booking pages', () => {
  test('propose a plan for an order set, book it, print the slip', { timeout: TEST_TIMEOUT_MS * 2 }, onFailureScreenshot('exam-book', async () => {
    const pool = e2e.platform.kernel.pool;
    const { rows: [patient] } = await pool.query(
      `SELECT p.id, p.name FROM patient p JOIN patient_record r ON r.patient_id = p.id JOIN org_unit i ON i.id = r.institution_id AND i.code = 'H001'
       WHERE age(p.birth_date) > interval '18 years' AND (SELECT count(*) FROM patient q WHERE q.name = p.name) = 1 ORDER BY p.id DESC OFFSET 3 LIMIT 1`);
    const page = await e2e.newPage();
    await login(page, 'reg.song');
    await page.goto('/scheduling/exams');
    const search = page.getByTestId('exam-patient-search').locator('input');
    await search.fill(patient.name);
    await search.press('Enter');
    // the patient index masks names in search results (杨*)
    await page.getByTestId('exam-patient-name').filter({ hasText: patient.name.slice(0, 1) }).waitFor();

    const list = page.getByTestId('exam-item-checklist');
    for (const name of ['腹部彩超（肝胆胰脾）', '胃镜（无痛）', '肠镜（无痛）', '常规十二导联心电图']) {
      await list.locator('label').filter({ hasText: name }).click();
    }
    await page.getByTestId('exam-propose').click();
    await page.getByTestId('plan-visit').first().waitFor();
    const visits = await page.getByTestId('plan-visit').allTextContents();
    assert.equal(visits.length, 3, visits.join('\n'));
    assert.ok(visits.some((v) => v.includes('胃镜（无痛） + 肠镜（无痛）')), 'one visit for both endoscopies');
    assert.ok(visits.some((v) => v.includes('空腹 8 小时')), 'preparation shown');
    const blocked = await page.getByTestId('plan-blocked').textContent();
    assert.match(blocked ?? '', /被规则「.+」阻止/);

    await page.getByTestId('exam-book').click();
    await page.getByTestId('exam-slip').waitFor();
    const { rows } = await pool.query(`SELECT id FROM appointment WHERE patient_id = $1 AND kind = 'exam' AND status = 'booked' ORDER BY starts_at`, [patient.id]);
    assert.equal(rows.length, 3);
    const qrs = await page.getByTestId('exam-slip-qr').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    assert.deepEqual(qrs, rows.map((r) => `${e2e.baseUrl}/m/checkin/${r.id}`));
    assert.match((await page.getByTestId('exam-slip').textContent())!, /肠道准备/);
    await page.evaluate(() => { window.print = () => { document.body.dataset.printed = document.body.classList.contains('printing-exam-slip') ? 'slip' : 'page'; }; });
    await page.getByTestId('exam-slip-print').click();
    assert.equal(await page.evaluate(() => document.body.dataset.printed), 'slip');
    assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('the catalogue and the rules library list the demo data', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('exam-catalogue', async () => {
    const page = await e2e.newPage();
    await login(page, 'sched.lu');
    await page.goto('/scheduling/exam-items');
    await page.getByText('上消化道钡餐造影').waitFor();
    await page.getByText('新增项目').waitFor();
    await page.goto('/scheduling/exam-rules');
    await page.getByText('腹部超声须在胃镜之前（胃镜注气影响超声观察）').waitFor();
    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
