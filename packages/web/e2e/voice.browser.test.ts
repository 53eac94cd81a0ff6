/**
 * Voice broadcast (语音播报) in real headless Chromium with no network but our own server: the
 * display's voice check page loads eSpeak NG and its Mandarin data from the platform, synthesises
 * "请12号张某三到3诊室就诊" (more than a second of non-silent audio) and plays three announcements
 * enqueued as 3, 1, 2 — twice each — in the order 1, 1, 2, 2, 3, 3 without overlap. Every request
 * to another origin is blocked and must not even be attempted. A display tab that was never clicked
 * stays silent until 启用语音 is clicked (browser autoplay policy).
 *
 * The page (modules/queue/web/voice/VoiceCheckPage.tsx) is routed by the queue module
 * (modules/queue/web/index.tsx) at VOICE_CHECK_ROUTE; until it is, this file is skipped.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'playwright-core';
import { login, onFailureScreenshot, screenshot, startE2E, TEST_TIMEOUT_MS, uncaughtErrors, type E2E } from './browser.ts';

/** where modules/queue/web/index.tsx routes VoiceCheckPage */
const VOICE_CHECK_ROUTE = '/display/voice-check';
/** a demo account allowed to open that route */
const USER = 'nurse.liu';

const queueWebModule = path.resolve(import.meta.dirname, '..', '..', '..', 'modules', 'queue', 'web', 'index.tsx');
const registered = fs.existsSync(queueWebModule) && fs.readFileSync(queueWebModule, 'utf8').includes('VoiceCheckPage');

/** what VoiceCheckPage shows in [data-testid=voice-check-result] (SelfCheckResult of selfCheck.ts) */
interface SelfCheckResult {
  ok: boolean;
  problems: string[];
  runsIn: 'worker' | 'page' | null;
  loadMs: number;
  sample: { text: string; duration: number; sampleRate: number; peak: number; rms: number; voicedRatio: number; synthMs: number } | null;
  plays: { id: number; repetition: number; start: number; end: number; duration: number }[];
  duplicateAccepted: boolean;
  errors: string[];
}

let e2e: E2E;

describe('voice broadcast (语音播报)', { skip: registered ? false : `VoiceCheckPage is not routed by ${path.relative(process.cwd(), queueWebModule)} yet` }, () => {
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    await e2e?.close();
  });

  test('speaks Mandarin offline, in call order, one announcement at a time', { timeout: TEST_TIMEOUT_MS * 2 }, onFailureScreenshot('voice', async (t) => {
    const page = await e2e.newPage();
    const origin = new URL(e2e.baseUrl).origin;

    // offline: only our server answers; anything else is refused and remembered
    const foreign: string[] = [];
    const requested: string[] = [];
    await page.context().route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      foreign.push(url);
      return route.abort('internetdisconnected');
    });
    const onRequest = (request: Request) => requested.push(request.url());
    const speechData: { status: number; bytes: number; range: string | null }[] = [];
    const onResponse = async (response: Response) => {
      if (!new URL(response.url()).pathname.endsWith('.data')) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      speechData.push({ status: response.status(), bytes: body.length, range: response.request().headers()['range'] ?? null });
    };
    page.context().on('request', onRequest);
    page.context().on('response', onResponse);

    await login(page, USER);
    await page.goto(VOICE_CHECK_ROUTE);
    await page.getByTestId('voice-check').waitFor();

    // the autoplay policy: one click on 启用语音 (unless the browser already lets the page play)
    const unlocked = page.getByTestId('voice-unlocked');
    const locked = (await unlocked.getAttribute('data-unlocked')) !== 'true';
    if (locked) await page.getByTestId('voice-unlock').click();
    await page.locator('[data-testid="voice-unlocked"][data-unlocked="true"]').waitFor();
    assert.equal(await page.getByTestId('voice-preview').innerText(), '请十二号张某三到三诊室就诊');

    await page.getByTestId('voice-self-check').click();
    const resultBox = page.getByTestId('voice-check-result');
    await resultBox.waitFor({ state: 'attached', timeout: TEST_TIMEOUT_MS + 30_000 });
    const result = JSON.parse(await resultBox.textContent() ?? '{}') as SelfCheckResult;
    await screenshot(page, 'voice-check');

    assert.deepEqual(result.errors, []);
    assert.equal(result.runsIn, 'worker', 'synthesis runs off the main thread');

    // the sample: more than a second of audible speech
    assert.ok(result.sample, 'the sample was synthesised');
    assert.equal(result.sample.text, '请12号张某三到3诊室就诊');
    assert.ok(result.sample.duration > 1, `sample lasts ${result.sample.duration} s`);
    assert.ok(result.sample.peak > 0.1, `peak ${result.sample.peak}`);
    assert.ok(result.sample.rms > 0.01, `rms ${result.sample.rms}`);
    assert.ok(result.sample.voicedRatio > 0.2, `voiced ${result.sample.voicedRatio}`);

    // enqueued 3, 1, 2 (and 1 again, ignored); played 1, 2, 3, each twice, never overlapping
    assert.equal(result.duplicateAccepted, false);
    assert.deepEqual(result.plays.map((p) => `${p.id}#${p.repetition}`), ['1#1', '1#2', '2#1', '2#2', '3#1', '3#2']);
    result.plays.forEach((play, i) => {
      assert.ok(play.end > play.start, `play ${i + 1} ended`);
      // really played: an AudioBufferSourceNode ends after its audio, not at once
      assert.ok(play.end - play.start >= play.duration * 1000 * 0.8, `play ${i + 1} took ${play.end - play.start} ms for ${play.duration} s of audio`);
      const next = result.plays[i + 1];
      if (next) assert.ok(next.start >= play.end, `play ${i + 2} started ${play.end - next.start} ms before play ${i + 1} ended`);
    });
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    await page.getByTestId('voice-check-status').getByText('自检通过').waitFor();

    // the speech data came from our server in parts (range requests), not as the whole 24 MB file
    assert.ok(speechData.length > 0, 'speech data was fetched');
    for (const part of speechData) {
      assert.equal(part.status, 206, `a ${part.range} request answered ${part.status}`);
      assert.ok(part.range?.startsWith('bytes='));
    }
    const bytes = speechData.reduce((n, p) => n + p.bytes, 0);
    assert.ok(bytes < 3_000_000, `${bytes} bytes of speech data`);
    t.diagnostic(`sound ${locked ? 'needed the 启用语音 click' : 'was allowed without a click'}; engine ready in ${result.loadMs} ms (${speechData.length} range requests, ${bytes} bytes); `
      + `sample ${result.sample.duration.toFixed(2)} s synthesised in ${result.sample.synthMs} ms`);

    // the engine's code too (loaded by the worker, whose requests are watched like the page's)
    assert.ok(requested.some((url) => /\/assets\/espeak-ng-[^/]*\.js$/.test(new URL(url).pathname)), 'espeak-ng.js came from our server');

    // offline: nothing but our server was asked for anything
    assert.deepEqual(foreign, []);
    const elsewhere = requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
    assert.deepEqual(elsewhere, []);
    assert.deepEqual(uncaughtErrors(page), []);
    page.context().off('request', onRequest);
    page.context().off('response', onResponse);
  }));

  test('sound waits for one click on 启用语音 (autoplay policy)', { timeout: TEST_TIMEOUT_MS }, onFailureScreenshot('voice-unlock', async () => {
    const first = await e2e.newPage();
    await login(first, USER);
    // the display in a tab of its own, never clicked, so no user activation is carried over from the
    // login; Playwright's own page evaluations count as user gestures in Chromium, so the page is left
    // to mount (and create its AudioContext) before it is looked at
    const page = await first.context().newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(VOICE_CHECK_ROUTE, { waitUntil: 'networkidle' });
    await page.getByTestId('voice-check').waitFor();
    assert.equal(await page.getByTestId('voice-unlocked').getAttribute('data-unlocked'), 'false');
    assert.equal(await page.getByTestId('voice-self-check').isDisabled(), true);
    await page.getByTestId('voice-unlock').click();
    await page.locator('[data-testid="voice-unlocked"][data-unlocked="true"]').waitFor();
    // and now it speaks
    await page.getByTestId('voice-play').click();
    await page.getByTestId('voice-now-playing').waitFor({ timeout: TEST_TIMEOUT_MS / 2 });
    assert.deepEqual(errors, []);
  }));
});
