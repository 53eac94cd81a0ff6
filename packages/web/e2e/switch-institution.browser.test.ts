/**
 * Switching institution in the header: dr.wang works at 示例市第一人民医院 and at 城东社区卫生服务中心.
 * After the switch the header, the server session and the patient list all follow the new institution.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { demoPatients, maskName, residentIdCheckChar } from '@kangyun/patients';
import { currentPost, login, me, onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';

const HOSPITAL = '示例市第一人民医院';
const COMMUNITY = '城东社区卫生服务中心';
const HOSPITAL_ONLY_NAME = '院内切换';

let e2e: E2E;
/** a demo patient with a record only at 城东 (demo patients 110–139) */
const communityOnly = demoPatients(200)[110];

before(async () => {
  e2e = await startE2E();
  assert.deepEqual(communityOnly.institutions, ['C001']);
  // a patient registered by dr.wang while working at the hospital (his first post)
  const wang = await e2e.platform.as('dr.wang');
  const body = '33010519770707123';
  const res = await wang.post('/api/patients', { name: HOSPITAL_ONLY_NAME, idType: 'resident_id', idNumber: body + residentIdCheckChar(body) });
  assert.equal(res.status, 201, res.text);
});
after(async () => {
  await e2e?.close();
});

/** Searches on the patient page (through the search box) and waits for the list answer. */
async function searchPatients(page: Page, q: string): Promise<{ total: number }> {
  if (new URL(page.url()).pathname !== '/patients') {
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/patients');
    await page.locator('.app-sider').getByText('患者查询').click();
    await loaded;
  }
  const box = page.locator('input[aria-label^="输入姓名"]');
  await box.fill(q);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/patients' && new URL(r.url()).searchParams.get('q') === q);
  await box.press('Enter');
  const res = await answered;
  assert.equal(res.status(), 200);
  const body = (await res.json()) as { total: number };
  // wait for React to render the answer (spinner gone)
  await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  return body;
}

describe('institution switcher', () => {
  test('dr.wang switches from the hospital to 城东: header, session and patient list follow', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('switch', async () => {
    const page = await e2e.newPage();
    await login(page, 'dr.wang');
    const header = page.locator('.app-header .header-post');
    await header.getByText(HOSPITAL).waitFor();
    assert.equal(currentPost(await me(page)).institutionName, HOSPITAL);

    // at the hospital: the hospital patient is listed, the 城东-only one is not
    assert.equal((await searchPatients(page, HOSPITAL_ONLY_NAME)).total, 1);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), new RegExp(maskName(HOSPITAL_ONLY_NAME).replace(/\*/g, '\\*')));
    assert.equal((await searchPatients(page, communityOnly.idNumber)).total, 0);
    await page.getByText('没有找到符合条件的患者').waitFor();

    // open the switcher: both posts are offered, the current one is ticked
    await header.click();
    const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu');
    await menu.waitFor();
    await menu.getByText('切换岗位').waitFor();
    const items = menu.getByRole('menuitem');
    assert.equal(await items.count(), 2);
    await screenshot(page, 'switch-menu');
    const switched = page.waitForResponse((r) => r.url().endsWith('/api/auth/switch'));
    await items.filter({ hasText: COMMUNITY }).click();
    assert.equal((await switched).status(), 200);

    // the header and the confirmation name 城东; the app goes back to the workbench
    await header.getByText(COMMUNITY).waitFor();
    assert.doesNotMatch(await header.innerText(), new RegExp(HOSPITAL));
    await page.locator('.ant-message').getByText(`已切换到 ${COMMUNITY}`, { exact: false }).waitFor();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.welcome-card').getByText(COMMUNITY).waitFor();
    const session = await me(page);
    assert.equal(currentPost(session).institutionName, COMMUNITY);

    // at 城东: the hospital-only patient is gone, the 城东 patient is found
    assert.equal((await searchPatients(page, HOSPITAL_ONLY_NAME)).total, 0);
    await page.getByText('没有找到符合条件的患者').waitFor();
    assert.equal(await page.locator('.ant-table-tbody tr.ant-table-row').count(), 0);
    assert.equal((await searchPatients(page, communityOnly.idNumber)).total, 1);
    const row = page.locator('.ant-table-tbody tr.ant-table-row');
    assert.equal(await row.count(), 1);
    const text = await row.first().innerText();
    assert.match(text, new RegExp(maskName(communityOnly.name).replace(/\*/g, '\\*')));
    assert.match(text, /C001-\d{8}/, 'the record number is 城东’s');
    await screenshot(page, 'switch-community-patients');

    // the switch lives in the server session: a reload stays at 城东
    await page.reload();
    await header.getByText(COMMUNITY).waitFor();
    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
