/**
 * Shared helpers for the browser tests (`*.browser.test.ts`): the real platform over HTTP
 * (startTestPlatform, serving the built web app from packages/web/dist) driven by Debian's
 * Chromium through playwright-core. Run with `npm test -- packages/web/e2e/<file>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { totpCode } from '@kangyun/kernel';
import { DEMO_PASSWORD, DEMO_TOTP } from '@kangyun/identity';
import { startTestPlatform, type TestPlatform } from '@kangyun/server/testing/index.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = '/tmp/kangyun-e2e';
/** generous for a cold page load on a 2-core machine, small enough that a hang fails fast */
export const TIMEOUT_MS = 15_000;
/** per test (node:test), so a stuck page fails the test instead of hanging the run */
export const TEST_TIMEOUT_MS = 60_000;

export { DEMO_PASSWORD };

/** Headless Debian Chromium; the background-networking flags keep it off the (closed) network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface E2E {
  platform: TestPlatform;
  baseUrl: string;
  browser: Browser;
  /** a fresh browser context (own cookies) in Chinese, and a page in it */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the platform (fresh database cloned from the demo template) and the browser, side by side. */
export async function startE2E(): Promise<E2E> {
  const [platform, browser] = await Promise.all([startTestPlatform({ startJobs: true }), launchBrowser()]);
  const contexts: BrowserContext[] = [];
  return {
    platform,
    baseUrl: platform.baseUrl,
    browser,
    async newPage(options: BrowserContextOptions = {}) {
      const context = await browser.newContext({
        baseURL: platform.baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1440, height: 900 },
        ...options,
      });
      context.setDefaultTimeout(TIMEOUT_MS);
      context.setDefaultNavigationTimeout(TIMEOUT_MS);
      contexts.push(context);
      const page = await context.newPage();
      trackPageErrors(page);
      openPages.add(page);
      page.on('close', () => openPages.delete(page));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await platform.close();
    },
  };
}

const pageErrors = new WeakMap<Page, string[]>();
/** every page still open in this test file (one process per file), for screenshots on failure */
const openPages = new Set<Page>();

/**
 * Wraps a test body: when it fails, every open page is saved as /tmp/kangyun-e2e/FAILED-<name>-<n>.png
 * (with its address in the error) before the error is passed on.
 */
export function onFailureScreenshot(name: string, body: (t: TestContext) => Promise<void>): (t: TestContext) => Promise<void> {
  return async (t) => {
    try {
      await body(t);
    } catch (error) {
      const shots: string[] = [];
      let n = 0;
      for (const page of openPages) {
        n += 1;
        const file = await screenshot(page, `FAILED-${name}-${n}`).catch(() => null);
        if (file) shots.push(`${file} (${page.url()})`);
      }
      if (shots.length && error instanceof Error) {
        // the reporter prints the stack, which was captured with the original message
        const note = `\n  screenshots: ${shots.join(', ')}`;
        error.message += note;
        if (error.stack) error.stack = `${error.stack}${note}`;
      }
      throw error;
    }
  };
}

function trackPageErrors(page: Page): void {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
}

/** Uncaught exceptions thrown in the page so far (a React crash, an unhandled promise in a handler…). */
export function uncaughtErrors(page: Page): string[] {
  return [...(pageErrors.get(page) ?? [])];
}

/** Full-page screenshot into /tmp/kangyun-e2e/<name>.png (outside the repository). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The current TOTP code of a demo administrator (secrets in README / DEMO_TOTP). */
export function demoTotp(username: string): string | undefined {
  const secret = (DEMO_TOTP as Record<string, string>)[username];
  return secret ? totpCode(secret) : undefined;
}

/** Opens /login and submits the credentials form (no waiting for the outcome). */
export async function submitCredentials(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  const form = page.locator('form#login');
  await form.locator('#login_username').fill(username);
  await form.locator('#login_password').fill(password);
  await form.locator('button[type="submit"]').click();
}

/** Types the 6-digit code into antd's Input.OTP boxes (the form submits itself on the sixth digit). */
export async function enterTotp(page: Page, code: string): Promise<void> {
  const first = page.locator('.ant-otp input').first();
  await first.waitFor();
  await first.click();
  await page.keyboard.type(code);
}

/**
 * Signs in through the real login page: username + password and, for administrators, the current
 * TOTP code; waits until the app shell (header with the user's name) is shown.
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  const code = demoTotp(username);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST');
  await submitCredentials(page, username, password);
  const first = await (await answered).json() as { status?: string };
  if (first.status === 'totp_required') {
    if (!code) throw new Error(`${username} needs a TOTP code but has no demo secret`);
    const second = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST');
    await enterTotp(page, code);
    const res = await second;
    if (res.status() !== 200) throw new Error(`TOTP login of ${username} failed: ${res.status()} ${await res.text()}`);
  } else if (first.status !== 'ok') {
    throw new Error(`login of ${username} answered ${JSON.stringify(first)}`);
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('.app-header .header-user').waitFor();
}

/** GET /api/auth/me with the page's own cookies. */
export async function me(page: Page): Promise<SessionInfo> {
  const res = await page.request.get('/api/auth/me', { headers: { 'accept-language': 'zh-CN' } });
  if (!res.ok()) throw new Error(`/api/auth/me answered ${res.status()}`);
  return (await res.json()) as SessionInfo;
}

export interface SessionInfo {
  user: { username: string; displayName: string };
  currentAssignmentId: number | string;
  assignments: { id: number | string; institutionName: string; departmentName: string | null; roleName: string }[];
  mustChangePassword: boolean;
}

/** The assignment the session is working in. */
export function currentPost(session: SessionInfo) {
  const post = session.assignments.find((a) => String(a.id) === String(session.currentAssignmentId));
  if (!post) throw new Error('session has no current assignment');
  return post;
}
