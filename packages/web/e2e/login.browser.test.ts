/**
 * The login page, through the real form: password sign-in, the Chinese error for a wrong
 * password, the administrators' TOTP step, and the forced password change of a new account.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_STAFF } from '@kangyun/identity';
import { demoTotp, enterTotp, login, me, onFailureScreenshot, screenshot, startE2E, submitCredentials, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';

let e2e: E2E;

/** the display name of a demo account, from the demo data (not from the page under test) */
function displayName(username: string): string {
  const staff = DEMO_STAFF.find((s) => s[0] === username);
  assert.ok(staff, username);
  return staff[1];
}
before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

describe('login page', () => {
  test('a doctor signs in with username and password and lands on the workbench with their name', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('login-doctor', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    // anonymous visitors are sent to the login page
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '欢迎使用康云' }).waitFor();

    await submitCredentials(page, 'dr.li');
    await page.waitForURL((url) => url.pathname === '/');
    const header = page.locator('.app-header');
    await header.locator('.header-user').waitFor();
    const name = displayName('dr.li');
    assert.equal(name, '李明');
    assert.equal((await me(page)).user.username, 'dr.li');
    assert.equal((await header.locator('.header-user').innerText()).trim(), name);
    // the welcome card greets the doctor by name (上午好，… / 下午好，…) at their institution
    await page.locator('.welcome-card').getByText(new RegExp(`好，${name}$`)).waitFor();
    await page.locator('.welcome-card').getByText('示例市第一人民医院').first().waitFor();
    await screenshot(page, 'login-doctor-home');
    assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('a wrong password shows the Chinese error and keeps the user on the login page', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('login-wrong-password', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await submitCredentials(page, 'dr.zhang', 'Wrong@2026');
    assert.equal((await answered).status(), 401);
    const alert = page.locator('.login-card .ant-alert-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /用户名或密码不正确/);
    assert.equal(new URL(page.url()).pathname, '/login');
    // the username is kept, the form can be submitted again
    assert.equal(await page.locator('#login_username').inputValue(), 'dr.zhang');
    await screenshot(page, 'login-wrong-password');
    assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('the audit administrator gets the TOTP step, enters the current code and lands in', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('login-totp', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    const first = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await submitCredentials(page, 'auditadmin');
    assert.equal(((await first).request().postDataJSON() as { totpCode?: string }).totpCode, undefined);
    await page.getByRole('heading', { name: '两步验证' }).waitFor();
    await page.getByText('请打开手机上的身份验证器').waitFor();
    assert.equal(await page.locator('.ant-otp input').count(), 6);
    await screenshot(page, 'login-totp-step');

    const code = demoTotp('auditadmin')!;
    const second = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await enterTotp(page, code);
    const res = await second;
    assert.equal(res.status(), 200);
    assert.equal((res.request().postDataJSON() as { totpCode?: string }).totpCode, code);
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.app-header .header-user').waitFor();
    assert.equal((await me(page)).user.username, 'auditadmin');
    await page.locator('.welcome-card').getByText(new RegExp(`好，${displayName('auditadmin')}$`)).waitFor();
    await screenshot(page, 'login-totp-home');
    assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('nurse.new must set a new password first; afterwards the new password signs in directly', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('login-forced-change', async () => {
    const newPassword = 'Nurse#New2026';
    const page = await e2e.newPage();
    await page.goto('/login');
    await submitCredentials(page, 'nurse.new');
    await page.getByRole('heading', { name: '请设置新密码' }).waitFor();
    await page.getByText('为保障账号安全，首次登录或密码过期后需要设置新密码。').waitFor();
    // the current password is not asked again: only new + confirm
    const card = page.locator('.login-card');
    const passwords = card.locator('input[type="password"]');
    assert.equal(await passwords.count(), 2);

    // mismatching confirmation is caught in the form
    await passwords.nth(0).fill(newPassword);
    await passwords.nth(1).fill('Nurse#Other2026');
    await card.locator('button[type="submit"]').click();
    await card.getByText('两次输入的密码不一致').waitFor();
    await screenshot(page, 'login-forced-change');

    await passwords.nth(1).fill(newPassword);
    const changed = page.waitForResponse((r) => r.url().endsWith('/api/auth/password'));
    await card.locator('button[type="submit"]').click();
    assert.equal((await changed).status(), 204);
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.app-header .header-user').waitFor();
    await page.locator('.welcome-card').waitFor();
    const session = await me(page);
    assert.equal(session.user.username, 'nurse.new');
    assert.equal(session.mustChangePassword, false);
    await screenshot(page, 'login-forced-change-done');
    assert.deepEqual(uncaughtErrors(page), []);

    // a new browser: the old password is refused, the new one goes straight to the workbench
    const again = await e2e.newPage();
    await again.goto('/login');
    const refused = again.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await submitCredentials(again, 'nurse.new');
    assert.equal((await refused).status(), 401);
    await again.locator('.login-card .ant-alert-error').waitFor();
    await login(again, 'nurse.new', newPassword);
    assert.equal((await me(again)).mustChangePassword, false);
    await again.locator('.welcome-card').waitFor();
  }));
});
