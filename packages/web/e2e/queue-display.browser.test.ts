/**
 * The waiting-area big screen (候诊大屏) in real Chromium, opened with the demo device token: a
 * doctor calls a checked-in patient through the API and the screen shows the masked name in the
 * room within a second; the screen survives a dropped connection (browser offline, then online)
 * and shows the next call without a reload. The door screen shows the doctor and is switched off
 * by revoking its device.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiClient } from '@kangyun/server/testing/index.ts';
import { book, patients, todaySession } from '@kangyun/queue/test/fixtures.ts';
import { onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';

const BIG = '/display/big?device=demo-big-screen-h001-cardio';
const DOOR = '/display/door?device=demo-door-screen-h001-201';
const ROOM = '201 诊室';

let e2e: E2E;
let nurse: ApiClient;
let doctor: ApiClient;

describe('display screens (候诊大屏, 诊室小屏)', () => {
  before(async () => {
    e2e = await startE2E();
    [nurse, doctor] = await Promise.all([e2e.platform.as('nurse.triage'), e2e.platform.as('dr.zhang')]);
  });
  after(async () => {
    await e2e?.close();
  });

  test('a call reaches the big screen within a second, also after the connection dropped', { timeout: TEST_TIMEOUT_MS * 2 }, onFailureScreenshot('queue-display', async () => {
    const pool = e2e.platform.kernel.pool;
    const session = await todaySession(pool, '心血管内科普通门诊'); // room 201 of the cardiology waiting area
    const ids = await patients(pool, 3, { maxAge: 60 });
    const names: string[] = [];
    let queueId = 0;
    for (const [i, patientId] of ids.entries()) {
      const res = await nurse.post('/api/queue/checkin', { appointmentId: await book(pool, session, patientId, i + 1, 5) });
      assert.equal(res.status, 201, res.text);
      queueId = res.body.queueId;
      names.push(res.body.name);
    }

    const page = await e2e.newPage();
    await page.goto(BIG);
    const room = page.locator(`[data-testid="room-card"][data-room="${ROOM}"]`);
    await room.waitFor();
    assert.ok(!page.url().includes('device='), 'the token leaves the address bar (kept in localStorage)');
    await page.locator('[data-testid="display-status"][data-status="open"]').waitFor();
    await room.getByTestId('room-next').getByText(`1 号 ${names[0]}`).waitFor();

    // call → screen
    const t0 = Date.now();
    const call = await doctor.post(`/api/queue/queues/${queueId}/call-next`, {});
    assert.equal(call.status, 200, call.text);
    await room.getByTestId('room-current').getByText(`1 号 ${names[0]}`).waitFor({ timeout: 3000 });
    const ms = Date.now() - t0;
    assert.ok(ms < 1000, `the screen showed the call ${ms} ms after the request`);
    const banner = await page.getByTestId('latest-call').innerText();
    assert.ok(banner.includes(names[0]) && banner.includes(ROOM), `banner: ${banner}`);
    assert.match(names[0], /\*/, 'names are masked');
    await screenshot(page, 'queue-display-call');

    // the network drops; a call happens meanwhile; the network comes back
    await page.context().setOffline(true);
    await page.locator('[data-testid="display-status"]:not([data-status="open"])').waitFor({ timeout: 10_000 });
    const second = await doctor.post(`/api/queue/queues/${queueId}/call-next`, {});
    assert.equal(second.body.call.ticket, 2);
    await page.context().setOffline(false);
    await room.getByTestId('room-current').getByText(`2 号 ${names[1]}`).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="display-status"][data-status="open"]').waitFor();

    // and live again: the next call arrives as before
    const t1 = Date.now();
    await doctor.post(`/api/queue/queues/${queueId}/call-next`, {});
    await room.getByTestId('room-current').getByText(`3 号 ${names[2]}`).waitFor({ timeout: 3000 });
    assert.ok(Date.now() - t1 < 1000, `after reconnecting the call took ${Date.now() - t1} ms`);
    await screenshot(page, 'queue-display-after-offline');
    assert.deepEqual(uncaughtErrors(page), []);
  }));

  test('the door screen shows the doctor and the current patient; revoking it switches it off', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('queue-door', async () => {
    const page = await e2e.newPage({ viewport: { width: 1024, height: 600 } });
    await page.goto(DOOR);
    await page.getByTestId('door-doctor').getByText('张慧').waitFor();
    await page.locator('[data-testid="room-card"][data-room="201 诊室"]').waitFor();
    await screenshot(page, 'queue-door');
    const devices = await nurse.get('/api/queue/devices');
    const door = devices.body.find((d: { name: string }) => d.name === '201 诊室门口屏');
    assert.equal((await nurse.post(`/api/queue/devices/${door.id}/revoke`)).status, 200);
    await page.getByTestId('display-notice').getByText('设备已停用').waitFor({ timeout: 5000 });
    await page.reload();
    await page.getByTestId('display-notice').getByText('设备已停用').waitFor({ timeout: 5000 });
    assert.deepEqual(uncaughtErrors(page), []);
  }));
});
