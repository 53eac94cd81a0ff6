/// <reference types="node" />
/**
 * AnnouncementQueue's rules with a fake synthesizer and a fake sound output (the browser test plays
 * real audio): call order, late arrivals, duplicates, repetition, no overlap, autoplay lock, failures.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnouncementQueue, type AnnouncementQueueOptions } from './AnnouncementQueue';
import type { SpeechAudio } from './speechAudio';
import type { Synthesizer } from './synthesizer';
import type { AudioOutput } from './webAudioOutput';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class FakeOutput implements AudioOutput {
  unlocked: boolean;
  active = 0;
  overlaps = 0;
  played: string[] = [];
  failOn = new Set<string>();
  private waiters: (() => void)[] = [];
  private listeners = new Set<(u: boolean) => void>();
  constructor(unlocked = true, private readonly clipMs = 15) {
    this.unlocked = unlocked;
  }
  async unlock() {
    this.unlocked = true;
    for (const w of this.waiters.splice(0)) w();
    for (const l of this.listeners) l(true);
  }
  whenUnlocked() {
    return this.unlocked ? Promise.resolve() : new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  async play(audio: SpeechAudio) {
    const text = textOf(audio);
    if (this.active > 0) this.overlaps += 1;
    this.active += 1;
    try {
      await sleep(this.clipMs);
      if (this.failOn.has(text)) throw new Error(`device error on ${text}`);
      this.played.push(text);
    } finally {
      this.active -= 1;
    }
  }
  onUnlockedChange(listener: (u: boolean) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  close() {}
}

/** the fake synthesizer encodes the text into the samples so the output can tell what it plays */
const texts: string[] = [];
function audioOf(text: string): SpeechAudio {
  let index = texts.indexOf(text);
  if (index < 0) index = texts.push(text) - 1;
  return { samples: new Float32Array([index, 0, 0, 0]), sampleRate: 4000 };
}
function textOf(audio: SpeechAudio): string {
  return texts[audio.samples[0]];
}

function fakeSynthesizer(options: { delayMs?: number; failOn?: string[] } = {}): Synthesizer & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    runsIn: 'page',
    async synthesize(text) {
      calls.push(text);
      await sleep(options.delayMs ?? 1);
      if (options.failOn?.includes(text)) throw new Error(`cannot say ${text}`);
      return audioOf(text);
    },
    dispose() {},
  };
}

function makeQueue(output: FakeOutput, options: AnnouncementQueueOptions<string> = {}) {
  const queue = new AnnouncementQueue<string>({ output, synthesizer: fakeSynthesizer(), repeat: 2, pauseBetweenRepeatsMs: 2, pauseBetweenAnnouncementsMs: 3, ...options });
  const events: string[] = [];
  const errors: string[] = [];
  queue.on('start', (e) => events.push(`start ${e.announcement.id}#${e.repetition}/${e.repetitions}`));
  queue.on('end', (e) => events.push(`end ${e.announcement.id}#${e.repetition}/${e.repetitions}`));
  queue.on('error', (e) => errors.push(`${e.announcement?.id}: ${e.error instanceof Error ? e.error.message : String(e.error)}`));
  queue.on('skip', (e) => events.push(`skip ${e.announcement.id} ${e.reason}`));
  const idle = () => new Promise<void>((resolve) => {
    const off = queue.on('idle', () => {
      off();
      resolve();
    });
  });
  return { queue, events, errors, idle };
}

describe('AnnouncementQueue', () => {
  test('announcements enqueued together play in call order, each twice, one at a time', async () => {
    const output = new FakeOutput();
    const { queue, events, errors, idle } = makeQueue(output);
    const done = idle();
    for (const id of [3, 1, 2]) assert.equal(queue.enqueue({ id, seq: id, text: `请${id}号` }), true);
    assert.deepEqual(queue.waiting.map((a) => a.id), [1, 2, 3]);
    await done;
    assert.deepEqual(errors, []);
    assert.deepEqual(output.played, ['请1号', '请1号', '请2号', '请2号', '请3号', '请3号']);
    assert.deepEqual(events, [1, 2, 3].flatMap((id) => [`start ${id}#1/2`, `end ${id}#1/2`, `start ${id}#2/2`, `end ${id}#2/2`]));
    assert.equal(output.overlaps, 0);
    assert.equal(queue.current, null);
  });

  test('a late arrival with a lower seq plays before higher ones not yet started; a started one finishes first', async () => {
    const output = new FakeOutput(true, 30);
    const { queue, idle } = makeQueue(output, { repeat: 1 });
    const done = idle();
    queue.enqueue({ id: 'a', seq: 5, text: '五' });
    await sleep(10); // 五 is playing now
    queue.enqueue({ id: 'b', seq: 7, text: '七' });
    queue.enqueue({ id: 'c', seq: 6, text: '六' });
    queue.enqueue({ id: 'd', seq: 4, text: '四' });
    await done;
    assert.deepEqual(output.played, ['五', '四', '六', '七']);
    assert.equal(output.overlaps, 0);
  });

  test('a lower seq that arrives while a higher one is being synthesised goes first', async () => {
    const output = new FakeOutput();
    const { queue, idle } = makeQueue(output, { repeat: 1, synthesizer: fakeSynthesizer({ delayMs: 40 }) });
    const done = idle();
    queue.enqueue({ id: 2, seq: 2, text: '二' });
    await sleep(10);
    queue.enqueue({ id: 1, seq: 1, text: '一' });
    await done;
    assert.deepEqual(output.played, ['一', '二']);
  });

  test('equal seqs keep arrival order', async () => {
    const output = new FakeOutput();
    const { queue, idle } = makeQueue(output, { repeat: 1 });
    const done = idle();
    for (const id of ['x', 'y', 'z']) queue.enqueue({ id, seq: 1, text: id });
    await done;
    assert.deepEqual(output.played, ['x', 'y', 'z']);
  });

  test('duplicates by id are ignored, even after they were played; 7 and "7" are the same id', async () => {
    const output = new FakeOutput();
    const { queue, idle } = makeQueue(output, { repeat: 1 });
    let done = idle();
    assert.equal(queue.enqueue({ id: 7, seq: 7, text: '七' }), true);
    assert.equal(queue.enqueue({ id: 7, seq: 7, text: '七' }), false);
    assert.equal(queue.enqueue({ id: '7', seq: 1, text: '七' }), false);
    await done;
    done = idle();
    assert.equal(queue.enqueue({ id: 7, seq: 8, text: '七' }), false);
    assert.equal(queue.enqueue({ id: 8, seq: 8, text: '八' }), true);
    await done;
    assert.deepEqual(output.played, ['七', '八']);
  });

  test('repetition: the queue default, or per announcement', async () => {
    const output = new FakeOutput();
    const { queue, idle, events } = makeQueue(output, { repeat: 3 });
    const done = idle();
    queue.enqueue({ id: 1, seq: 1, text: '一' });
    queue.enqueue({ id: 2, seq: 2, text: '二', repeat: 1 });
    await done;
    assert.deepEqual(output.played, ['一', '一', '一', '二']);
    assert.ok(events.includes('start 1#3/3') && events.includes('end 2#1/1'));
  });

  test('waits for unlock before speaking; a call that waited too long is skipped', async () => {
    const output = new FakeOutput(false);
    let clock = 0;
    const { queue, events, idle } = makeQueue(output, { repeat: 1, maxWaitMs: 60_000, now: () => clock });
    queue.enqueue({ id: 'old', seq: 1, text: '旧' });
    clock = 50_000;
    queue.enqueue({ id: 'new', seq: 2, text: '新' });
    await sleep(30);
    assert.deepEqual(output.played, [], 'nothing plays while locked');
    assert.equal(queue.unlocked, false);
    clock = 70_000;
    const done = idle();
    await queue.unlock();
    assert.equal(queue.unlocked, true);
    await done;
    assert.deepEqual(output.played, ['新']);
    assert.ok(events.includes('skip old stale'));
  });

  test('a failed synthesis or playback is reported and the queue goes on', async () => {
    const output = new FakeOutput();
    output.failOn.add('坏声');
    const { queue, errors, idle } = makeQueue(output, { repeat: 2, synthesizer: fakeSynthesizer({ failOn: ['坏'] }) });
    const done = idle();
    queue.enqueue({ id: 1, seq: 1, text: '坏' });
    queue.enqueue({ id: 2, seq: 2, text: '坏声' });
    queue.enqueue({ id: 3, seq: 3, text: '好' });
    await done;
    assert.deepEqual(output.played, ['好', '好']);
    assert.equal(errors.length, 2);
    assert.match(errors[0], /^1: cannot say 坏/);
    assert.match(errors[1], /^2: device error/);
  });

  test('an engine that fails to load is retried for the next announcement', async () => {
    const output = new FakeOutput();
    let attempts = 0;
    const synthesizer = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('data not reachable');
      return fakeSynthesizer();
    };
    const { queue, errors, idle } = makeQueue(output, { repeat: 1, synthesizer });
    let done = idle();
    queue.enqueue({ id: 1, seq: 1, text: '一' });
    await done;
    done = idle();
    queue.enqueue({ id: 2, seq: 2, text: '二' });
    await done;
    assert.deepEqual(output.played, ['二']);
    assert.equal(errors.length, 1);
    assert.equal(attempts, 2);
  });

  test('the same text is synthesised once; the next announcement is prepared while one plays', async () => {
    const output = new FakeOutput(true, 30);
    const synth = fakeSynthesizer({ delayMs: 5 });
    const { queue, idle } = makeQueue(output, { repeat: 2, synthesizer: synth });
    const done = idle();
    queue.enqueue({ id: 1, seq: 1, text: '同' });
    queue.enqueue({ id: 2, seq: 2, text: '异' });
    await sleep(15);
    assert.deepEqual(synth.calls, ['同', '异'], 'the second is synthesised during the first');
    queue.enqueue({ id: 3, seq: 3, text: '同' });
    await done;
    assert.deepEqual(synth.calls, ['同', '异']);
    assert.deepEqual(output.played, ['同', '同', '异', '异', '同', '同']);
  });

  test('clear drops what waits; dispose stops everything', async () => {
    const output = new FakeOutput(true, 20);
    const { queue, idle } = makeQueue(output, { repeat: 1 });
    const done = idle();
    queue.enqueue({ id: 1, seq: 1, text: '一' });
    queue.enqueue({ id: 2, seq: 2, text: '二' });
    await sleep(10);
    assert.equal(queue.current?.id, 1);
    queue.clear();
    await done;
    assert.deepEqual(output.played, ['一']);
    queue.dispose();
    assert.equal(queue.enqueue({ id: 3, seq: 3, text: '三' }), false);
  });
});
