/// <reference types="node" />
/**
 * The Mandarin subset of eSpeak NG's data: the offsets we keep match the installed package, a
 * server with or without range support gives the engine the same bytes, and the engine speaks the
 * requirement's sentence from that subset alone (in Node; the browser test does it in Chromium).
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dataBufferSize, dataRanges, ESPEAK_DATA_SIZE, ESPEAK_PACKAGE_VERSION, fetchMandarinData, MANDARIN_DATA_FILES } from './espeakData';
import { createEspeakEngine } from './espeakEngine';

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@echogarden/espeak-ng-emscripten/package.json'));
const dataFile = path.join(packageDir, 'espeak-ng.data');
let whole: Buffer;

before(() => {
  whole = fs.readFileSync(dataFile);
});

interface FakeResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** a static file server over espeak-ng.data, like @fastify/static (ranges) or a plain one (no ranges) */
function fakeServer(ranges: boolean) {
  const requests: (string | null)[] = [];
  const fetchImpl = async (_url: string, init?: { headers?: Record<string, string> }): Promise<FakeResponse> => {
    const range = init?.headers?.range ?? null;
    requests.push(range);
    const match = range && ranges ? /^bytes=(\d+)-(\d+)$/.exec(range) : null;
    const body = match ? whole.subarray(Number(match[1]), Number(match[2]) + 1) : whole;
    const headers = new Map<string, string>(match ? [['content-range', `bytes ${match[1]}-${match[2]}/${whole.length}`]] : []);
    return {
      status: match ? 206 : 200,
      ok: true,
      headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
      arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    };
  };
  return { fetchImpl, requests };
}

describe('eSpeak NG data subset', () => {
  test('the kept offsets are those of the installed package', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
    assert.equal(pkg.version, ESPEAK_PACKAGE_VERSION, 'upgrading @echogarden/espeak-ng-emscripten: update espeakData.ts');
    assert.equal(whole.length, ESPEAK_DATA_SIZE);
    // the file list is in the loader that Emscripten's file packager wrote into espeak-ng.js
    const loader = fs.readFileSync(path.join(packageDir, 'espeak-ng.js'), 'utf8');
    for (const [name, [start, end]] of Object.entries(MANDARIN_DATA_FILES)) {
      assert.ok(loader.includes(`{filename:"/usr/share/espeak-ng-data/${name}",start:${start},end:${end}}`), `${name} at ${start}-${end}`);
    }
    assert.ok(loader.includes(`remote_package_size:${ESPEAK_DATA_SIZE}`));
  });

  test('ranges are few and cover every file', () => {
    const ranges = dataRanges();
    assert.ok(ranges.length <= 6, `${ranges.length} requests`);
    for (const [start, end] of Object.values(MANDARIN_DATA_FILES)) assert.ok(ranges.some((r) => r.start <= start && r.end >= end));
    const bytes = ranges.reduce((n, r) => n + r.end - r.start, 0);
    assert.ok(bytes < 3_000_000, `${bytes} bytes fetched`);
  });

  test('with and without range support the engine gets the same bytes', async () => {
    const ranged = fakeServer(true);
    const plain = fakeServer(false);
    const a = new Uint8Array(await fetchMandarinData('/x.data', ranged.fetchImpl));
    const b = new Uint8Array(await fetchMandarinData('/x.data', plain.fetchImpl));
    assert.equal(a.length, dataBufferSize());
    assert.equal(ranged.requests.length, dataRanges().length);
    assert.ok(ranged.requests.every((r) => r?.startsWith('bytes=')));
    assert.equal(plain.requests.length, 1, 'a server without ranges is asked once');
    assert.deepEqual(a, b);
    for (const [start, end] of Object.values(MANDARIN_DATA_FILES)) assert.ok(Buffer.from(a.subarray(start, end)).equals(whole.subarray(start, end)));
  });

  test('a failing server is reported', async () => {
    const failing = async () => ({ status: 404, ok: false, headers: { get: () => null }, arrayBuffer: async () => new ArrayBuffer(0) });
    await assert.rejects(fetchMandarinData('/missing.data', failing), /HTTP 404/);
  });
});

describe('eSpeak NG engine (Node)', () => {
  test('speaks Mandarin with digits and a masked name from the subset alone', async () => {
    const data = await fetchMandarinData('/x.data', fakeServer(true).fetchImpl);
    const engine = await createEspeakEngine(data, () => import('@echogarden/espeak-ng-emscripten'));
    const audio = engine.synthesize('请12号张*三到3诊室就诊');
    const seconds = audio.samples.length / audio.sampleRate;
    assert.equal(audio.sampleRate, 22050);
    assert.ok(seconds > 2 && seconds < 8, `${seconds} s`);
    let peak = 0;
    for (const v of audio.samples) peak = Math.max(peak, Math.abs(v));
    assert.ok(peak > 0.5 && peak <= 1, `peak ${peak}`);
    // the masked name is read 张某三, the same audio as the spelled-out text, and nothing like "asterisk"
    const spelled = engine.synthesize('请十二号张某三到三诊室就诊');
    assert.ok(Math.abs(spelled.samples.length - audio.samples.length) < audio.sampleRate * 0.05, `${spelled.samples.length} vs ${audio.samples.length} samples`);
    // Latin letters (A012) are read through the English voice, which the subset includes
    const lettered = engine.synthesize('请A012号到B区');
    assert.ok(lettered.samples.length / lettered.sampleRate > 1);
    // SSML-looking input is spoken, not interpreted
    assert.ok(engine.synthesize('<请>三号 & 四号').samples.length > 0);
    assert.equal(engine.synthesize('   ').samples.length, 0);
  });
});
