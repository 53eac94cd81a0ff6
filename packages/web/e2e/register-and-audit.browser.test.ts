/**
 * Patient registration through the real form (ID number checked next to the field, birth date and
 * sex read from a valid number, landing on the masked detail page), then the audit administrator
 * finds that registration in the audit log and verifies the hash chain.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maskName, residentIdCheckChar } from '@kangyun/patients';
import { login, onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';

const DOCTOR = 'dr.li';
const NAME = '欧阳登记';
const BAD_ID = '110105194912310021';
/** fictional: 330106 (demo region), born 1985-03-01, sequence 123 (odd: male) */
const ID_BODY = '33010619850301123';
const GOOD_ID = ID_BODY + residentIdCheckChar(ID_BODY);
/** well-formed with a right check character, but born 1895: the page accepts it, the server does not (before 1900) */

let e2e: E2E;
/** filled in by the registration test, read by the audit test */
let registered: { id: string; name: string } | null = null;

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

describe('patient registration and its audit trail', () => {
  test('a bad ID number is refused next to the field; a valid one fills in birth date and sex and registers', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('register', async () => {
    assert.notEqual(residentIdCheckChar(BAD_ID.slice(0, 17)), BAD_ID[17], 'the bad number really has a wrong check character');
    const page = await e2e.newPage();
    await login(page, DOCTOR);
    await page.locator('.app-sider').getByText('患者登记').click();
    await page.waitForURL('**/patients/new');
    await page.getByRole('heading', { name: '患者登记' }).waitFor();

    const form = page.locator('form.patient-form');
    const idInput = form.locator('#idNumber');
    const idItem = form.locator('.ant-form-item').filter({ has: page.locator('#idNumber') });
    const submit = form.locator('button[type="submit"]');
    // the number is checked before anything is sent: no POST for a wrong check character
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/patients') posts.push(r.url());
    });

    // the form opens on the ID number (autofocus), then the name
    await idInput.fill(BAD_ID);
    await form.locator('#name').fill(NAME);
    await submit.click();
    const idError = idItem.locator('.ant-form-item-explain-error', { hasText: /身份证号校验位不正确/ });
    await idError.waitFor();
    assert.match(await idError.innerText(), /^身份证号校验位不正确/);
    // once antd's enter/leave animation settles, that is the only message of the item
    await idItem.locator('.ant-form-item-explain-error').filter({ hasNotText: /身份证号校验位不正确/ }).waitFor({ state: 'detached' });
    assert.ok(await idItem.evaluate((el) => el.classList.contains('ant-form-item-has-error')));
    // the message sits in the ID number's own item, not the name's
    const nameItem = form.locator('.ant-form-item').filter({ has: page.locator('#name') });
    assert.equal(await nameItem.locator('.ant-form-item-explain-error').count(), 0);
    assert.equal(new URL(page.url()).pathname, '/patients/new');
    assert.deepEqual(posts, []);
    await screenshot(page, 'register-bad-id');

    // a check only the server makes (no digits in a name): its field error lands in that field's item
    await idInput.fill(GOOD_ID);
    await idInput.blur();
    await idItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    await form.locator('#name').fill('测试2号');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/patients');
    await submit.click();
    const problem = await refused;
    assert.equal(problem.status(), 422);
    const problemBody = (await problem.json()) as { errors: { field: string; message: string }[] };
    const serverMessage = problemBody.errors.find((e) => e.field === 'name')?.message;
    assert.equal(serverMessage, '姓名不能包含数字或特殊符号');
    const serverError = nameItem.locator('.ant-form-item-explain-error', { hasText: serverMessage });
    await serverError.waitFor();
    assert.equal(await serverError.innerText(), serverMessage);
    assert.equal(await idItem.locator('.ant-form-item-explain-error').count(), 0);
    assert.equal(new URL(page.url()).pathname, '/patients/new');
    await screenshot(page, 'register-server-error');
    await form.locator('#name').fill(NAME);

    // a valid number: birth date and sex are read from it and locked
    await idInput.fill(GOOD_ID);
    await idInput.blur();
    const derived = idItem.getByTestId('id-derived');
    await derived.waitFor();
    assert.match(await derived.innerText(), /出生日期 1985-03-01，男，\d+ 岁/);
    await idError.waitFor({ state: 'detached' });
    const birthItem = form.locator('.ant-form-item').filter({ has: page.locator('#birthDate') });
    assert.equal(await form.locator('#birthDate').inputValue(), '1985-03-01');
    assert.ok(await form.locator('#birthDate').isDisabled());
    await birthItem.getByText('已根据身份证号自动填写').waitFor();
    const male = form.locator('#sex input[type="radio"][value="male"]');
    assert.ok(await male.isChecked());
    assert.ok(await male.isDisabled());
    await screenshot(page, 'register-derived');

    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/patients');
    await submit.click();
    const res = await created;
    assert.equal(res.status(), 201, await res.text());
    const body = (await res.json()) as { id: number | string; name: string; birthDate: string; sex: string };
    assert.equal(body.birthDate, '1985-03-01');
    assert.equal(body.sex, 'male');

    // the detail page of the new patient, name masked (欧**记)
    await page.waitForURL(`**/patients/${body.id}`);
    const title = page.getByTestId('patient-name');
    await title.waitFor();
    assert.equal(await title.innerText(), maskName(NAME));
    assert.equal(maskName(NAME), '欧**记');
    await page.getByText(`已为 ${NAME} 建立档案`).waitFor();
    const info = page.locator('.ant-descriptions');
    await info.getByText(`${GOOD_ID.slice(0, 4)}**********${GOOD_ID.slice(-4)}`).waitFor();
    assert.doesNotMatch(await page.locator('.patient-detail').innerText(), new RegExp(GOOD_ID));
    await screenshot(page, 'register-detail');
    assert.deepEqual(uncaughtErrors(page), []);
    registered = { id: String(body.id), name: NAME };
  }));

  test('the audit administrator finds the registration in the audit log and verifies the chain', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('audit', async (t) => {
    if (!registered) return t.skip('the registration test did not register a patient');
    const page = await e2e.newPage();
    await login(page, 'auditadmin');
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/audit');
    await page.locator('.app-sider').getByText('审计日志').click();
    await page.waitForURL('**/audit');
    assert.equal((await listed).status(), 200);
    await page.getByRole('heading', { name: '审计日志' }).waitFor();

    // filter: action patient.create by the doctor
    const filters = page.locator('form.audit-filters');
    await filters.locator('#user').fill(DOCTOR);
    const action = filters.locator('#action');
    await action.fill('patient.create');
    await page.keyboard.press('Escape'); // close the suggestions
    const searched = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/audit' && url.searchParams.get('action') === 'patient.create' && url.searchParams.get('user') === DOCTOR;
    });
    await filters.locator('button[type="submit"]').click();
    const res = await searched;
    assert.equal(res.status(), 200);
    const found = (await res.json()) as { items: { patientId: string | number | null; username: string; action: string }[] };
    assert.ok(found.items.some((i) => String(i.patientId) === registered!.id), 'the API lists the registration');

    // the row names the doctor, the action (登记患者) and the patient (an audit administrator has no
    // patient.read, so the patient ID is plain text rather than a link to the record)
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ has: page.getByText(registered.id, { exact: true }) });
    await row.waitFor();
    assert.equal(await row.count(), 1);
    const text = await row.innerText();
    assert.match(text, new RegExp(DOCTOR.replace('.', '\\.')));
    assert.match(text, /登记患者/);
    assert.match(text, /成功/);
    assert.match(text, /示例市第一人民医院/);
    assert.equal(await row.locator(`a[href="/patients/${registered.id}"]`).count(), 0);
    // every listed row is a patient.create by the doctor
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    for (let i = 0; i < (await rows.count()); i++) {
      const r = await rows.nth(i).innerText();
      assert.match(r, /登记患者/);
      assert.match(r, new RegExp(DOCTOR.replace('.', '\\.')));
    }
    // the filters are kept in the address bar
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('action'), 'patient.create');
    assert.equal(url.searchParams.get('user'), DOCTOR);
    await screenshot(page, 'audit-filtered');

    // chain verification reports success
    const verified = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/audit/verify');
    await page.getByRole('button', { name: /校验日志链/ }).click();
    const v = await verified;
    assert.equal(v.status(), 200);
    const result = (await v.json()) as { ok: boolean; checked: number };
    assert.equal(result.ok, true);
    const dialog = page.locator('.ant-modal-confirm-success');
    await dialog.locator('.ant-modal-confirm-title', { hasText: '日志链完整' }).waitFor();
    const detail = dialog.getByTestId('verify-result');
    assert.match(await detail.innerText(), new RegExp(`已校验 ${result.checked} 条记录，未发现篡改或删除。`));
    assert.ok(result.checked > 0);
    await screenshot(page, 'audit-verify');
    await dialog.getByRole('button').last().click();
    await dialog.waitFor({ state: 'detached' });
    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
