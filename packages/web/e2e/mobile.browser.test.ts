/**
 * Phone layout (390×844, touch): a doctor signs in, opens patient search from the drawer menu,
 * searches by name, gets the card list instead of the table and opens a patient.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPatients, maskName } from '@kangyun/patients';
import { login, onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';

let e2e: E2E;
/** a fictional demo patient with a record at 示例市第一人民医院 (demo patients 0–109) */
const target = demoPatients(200)[0];

before(async () => {
  e2e = await startE2E();
  assert.ok(target.institutions.includes('H001'));
});
after(async () => {
  await e2e?.close();
});

describe('phone layout', () => {
  test('a doctor searches patients by name on a phone, sees cards and opens one', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('mobile', async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await login(page, 'dr.li');
    // no side bar on a phone: the menu is a drawer behind the header button
    assert.equal(await page.locator('.app-sider').count(), 0);
    await page.getByRole('button', { name: '菜单' }).tap();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('患者查询').tap();
    await page.waitForURL('**/patients');
    await page.locator('.ant-drawer-open').waitFor({ state: 'hidden' });

    const box = page.locator('input[aria-label^="输入姓名"]');
    await box.fill(target.name);
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/patients' && new URL(r.url()).searchParams.get('q') === target.name);
    await box.press('Enter');
    const res = await answered;
    assert.equal(res.status(), 200);
    const found = (await res.json()) as { items: { id: number | string; name: string; idNumberMasked: string }[]; total: number };
    assert.ok(found.total >= 1);
    const mine = found.items.find((i) => i.idNumberMasked === `${target.idNumber.slice(0, 4)}**********${target.idNumber.slice(-4)}`);
    assert.ok(mine, 'the demo patient is among the results');

    // cards, not a table; names masked; nothing wider than the screen
    const cards = page.locator('.patient-card');
    await cards.first().waitFor();
    assert.equal(await cards.count(), found.items.length);
    assert.equal(await page.locator('.ant-table').count(), 0);
    for (const text of await cards.allInnerTexts()) assert.match(text, new RegExp(`^${maskName(target.name).replace(/\*/g, '\\*')}`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await screenshot(page, 'mobile-patient-cards');

    const card = cards.filter({ hasText: mine.idNumberMasked });
    await card.tap();
    await page.waitForURL(`**/patients/${mine.id}`);
    const title = page.getByTestId('patient-name');
    await title.waitFor();
    assert.equal(await title.innerText(), maskName(target.name));
    await page.locator('.ant-descriptions').getByText(mine.idNumberMasked).waitFor();
    await page.locator('.ant-descriptions').getByText(target.birthDate, { exact: false }).first().waitFor();
    const detailOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(detailOverflow <= 0, `the detail page scrolls sideways by ${detailOverflow}px`);
    await screenshot(page, 'mobile-patient-detail');
    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
