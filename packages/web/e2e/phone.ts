/**
 * Phone helpers shared by the browser tests of the patient pages: a phone viewport, the README's
 * demo patient, sign-in on /m/login and booking through /m/book.
 */
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { demoPatients } from '@kangyun/patients';
import { screenshot } from './browser.ts';

/** a phone: 390×844 CSS pixels, touch, high-density screen */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * The demo patient of the README: 韩艳, resident ID 330103199205165901, mobile 13949470073
 * (demo patient no. 0, a record at 示例市第一人民医院).
 */
export const DEMO_PHONE_PATIENT = demoPatients(200)[0];

export interface PhoneCredentials {
  name: string;
  idNumber: string;
  mobile?: string | null;
}

/** local date `offset` days from today at the hospital (Asia/Shanghai), YYYY-MM-DD */
export function hospitalDate(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Verifies on /m/login (name, resident ID, mobile) and waits for the page it was sent on to (`next`). */
export async function signInOnPhone(page: Page, who: PhoneCredentials, next = '/m/book'): Promise<void> {
  await page.goto(`/m/login?next=${encodeURIComponent(next)}`);
  const form = page.locator('form#portal-login');
  await form.locator('#portal-login_name').fill(who.name);
  await form.locator('#portal-login_idNumber').fill(who.idNumber);
  await form.locator('#portal-login_mobile').fill(who.mobile!);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/portal/login'));
  await form.locator('button[type="submit"]').tap();
  const res = await answered;
  if (res.status() !== 200) throw new Error(`portal sign-in answered ${res.status()} ${await res.text()}`);
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

export interface PhoneBooking {
  appointmentId: number;
  seq: number;
}

/**
 * Books through the phone pages, starting at /m/book: taps the hospital, the department, the day
 * (default tomorrow), the doctor's session (the first bookable one, or the doctor named), the first
 * time segment with a free number, then 确认预约; returns the booking from the success page.
 */
export async function bookOnPhone(page: Page, choice: { department: string; institution?: string; date?: string; doctor?: string; screenshots?: string }): Promise<PhoneBooking> {
  const shot = async (step: string) => { if (choice.screenshots) await screenshot(page, `${choice.screenshots}-${step}`); };
  await page.goto('/m/book');
  await page.locator('[data-testid=institution]').filter({ hasText: choice.institution ?? '示例市第一人民医院' }).tap();
  const department = page.locator('[data-testid=department]').filter({ has: page.locator('.m-row-title', { hasText: new RegExp(`^${choice.department}$`) }) });
  await department.waitFor();
  await shot('1-departments');
  await department.tap();
  await page.locator(`button.m-date[data-date="${choice.date ?? hospitalDate(1)}"]`).tap();
  const sessions = page.locator('[data-testid=session]').filter({ has: page.getByRole('button', { name: /预\s*约/ }) });
  const session = choice.doctor ? sessions.filter({ hasText: choice.doctor }).first() : sessions.first();
  await session.waitFor();
  await shot('2-doctors');
  await noSidewaysScroll(page, 'the doctors of the day');
  await session.getByRole('button', { name: /预\s*约/ }).tap();
  await page.locator('[data-testid=segment]:not([disabled])').first().tap();
  await page.getByTestId('confirm').waitFor();
  await shot('3-confirm');
  const booked = page.waitForResponse((r) => r.url().endsWith('/api/portal/appointments') && r.request().method() === 'POST');
  await page.locator('[data-testid=confirm]').getByRole('button', { name: '确认预约' }).tap();
  const res = await booked;
  if (res.status() !== 201) throw new Error(`booking answered ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { id: number; seq: number };
  await page.waitForURL(`**/m/appointments/${body.id}?done=booked`);
  await page.getByTestId('appointment-number').waitFor();
  return { appointmentId: body.id, seq: body.seq };
}

export async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px`);
}
