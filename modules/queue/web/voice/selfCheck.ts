/**
 * The voice self-check run by VoiceCheckPage (and by the browser test through it): synthesises the
 * requirement's sample announcement and measures it, then plays three announcements enqueued out of
 * order (3, 1, 2), each twice, recording when every repetition starts and ends.
 */
import { AnnouncementQueue, type PlayEvent } from './AnnouncementQueue';
import { renderAnnouncement } from './announcementText';
import type { Synthesizer } from './synthesizer';
import type { AudioOutput } from './webAudioOutput';

export const SELF_CHECK_SAMPLE = '请12号张某三到3诊室就诊';

export interface SelfCheckPlay {
  id: number;
  repetition: number;
  /** ms, performance.now() */
  start: number;
  end: number;
  /** seconds of audio */
  duration: number;
}

export interface SelfCheckResult {
  ok: boolean;
  problems: string[];
  runsIn: Synthesizer['runsIn'] | null;
  /** ms to have a ready synthesizer (engine and data loaded) */
  loadMs: number;
  sample: { text: string; duration: number; sampleRate: number; peak: number; rms: number; voicedRatio: number; synthMs: number } | null;
  plays: SelfCheckPlay[];
  /** whether enqueueing id 1 a second time was accepted (it must not be) */
  duplicateAccepted: boolean;
  errors: string[];
}

export interface SelfCheckOptions {
  synthesizer: () => Promise<Synthesizer>;
  output: AudioOutput;
  repeat?: number;
  onPlay?: (event: PlayEvent<number>, phase: 'start' | 'end') => void;
  timeoutMs?: number;
}

export async function runVoiceSelfCheck(options: SelfCheckOptions): Promise<SelfCheckResult> {
  const repeat = options.repeat ?? 2;
  const result: SelfCheckResult = { ok: false, problems: [], runsIn: null, loadMs: 0, sample: null, plays: [], duplicateAccepted: false, errors: [] };
  const t0 = performance.now();
  let synthesizer: Synthesizer;
  try {
    synthesizer = await options.synthesizer();
  } catch (error) {
    result.errors.push(`engine: ${messageOf(error)}`);
    result.problems.push('the speech engine did not load');
    return result;
  }
  result.runsIn = synthesizer.runsIn;
  result.loadMs = Math.round(performance.now() - t0);

  try {
    const t1 = performance.now();
    const audio = await synthesizer.synthesize(SELF_CHECK_SAMPLE);
    const { samples, sampleRate } = audio;
    let peak = 0;
    let sum = 0;
    let voiced = 0;
    for (let i = 0; i < samples.length; i += 1) {
      const v = Math.abs(samples[i]);
      peak = Math.max(peak, v);
      sum += v * v;
      if (v > 0.02) voiced += 1;
    }
    result.sample = {
      text: SELF_CHECK_SAMPLE,
      duration: samples.length / sampleRate,
      sampleRate,
      peak,
      rms: samples.length ? Math.sqrt(sum / samples.length) : 0,
      voicedRatio: samples.length ? voiced / samples.length : 0,
      synthMs: Math.round(performance.now() - t1),
    };
  } catch (error) {
    result.errors.push(`sample: ${messageOf(error)}`);
  }

  const queue = new AnnouncementQueue<number>({
    synthesizer: () => Promise.resolve(synthesizer),
    output: options.output,
    repeat,
    pauseBetweenRepeatsMs: 300,
    pauseBetweenAnnouncementsMs: 500,
  });
  const open = new Map<string, SelfCheckPlay>();
  queue.on('start', (event) => {
    const play: SelfCheckPlay = { id: event.announcement.data ?? -1, repetition: event.repetition, start: event.time, end: Number.NaN, duration: event.duration };
    open.set(`${play.id}/${play.repetition}`, play);
    result.plays.push(play);
    options.onPlay?.(event, 'start');
  });
  queue.on('end', (event) => {
    const play = open.get(`${event.announcement.data}/${event.repetition}`);
    if (play) play.end = event.time;
    options.onPlay?.(event, 'end');
  });
  queue.on('error', ({ announcement, error }) => result.errors.push(`announcement ${announcement?.id ?? '?'}: ${messageOf(error)}`));
  const idle = new Promise<void>((resolve) => queue.on('idle', () => resolve()));
  for (const id of [3, 1, 2]) queue.enqueue({ id, seq: id, text: renderAnnouncement('请{number}号', { number: id }), data: id });
  result.duplicateAccepted = queue.enqueue({ id: 1, seq: 1, text: '重复', data: 1 });
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), options.timeoutMs ?? 60_000));
  if ((await Promise.race([idle, timeout])) === 'timeout') result.errors.push('the announcements did not finish in time');
  queue.dispose();

  // what "works" means
  const expectedOrder = [1, 2, 3].flatMap((id) => Array.from({ length: repeat }, () => id));
  if (!result.sample) result.problems.push('the sample announcement was not synthesised');
  else {
    if (result.sample.duration <= 1) result.problems.push(`the sample lasts ${result.sample.duration.toFixed(2)} s`);
    if (result.sample.peak < 0.1 || result.sample.voicedRatio < 0.2) result.problems.push('the sample is (nearly) silent');
  }
  const order = result.plays.map((p) => p.id);
  if (order.join() !== expectedOrder.join()) result.problems.push(`played ${order.join(',')} instead of ${expectedOrder.join(',')}`);
  result.plays.forEach((play, i) => {
    const next = result.plays[i + 1];
    if (!(play.end >= play.start)) result.problems.push(`play ${i + 1} did not end`);
    else if (play.end - play.start < play.duration * 1000 * 0.8) result.problems.push(`play ${i + 1} lasted ${Math.round(play.end - play.start)} ms for ${play.duration.toFixed(2)} s of audio`);
    if (next && next.start < play.end) result.problems.push(`play ${i + 2} started before play ${i + 1} ended`);
  });
  if (result.duplicateAccepted) result.problems.push('a duplicate id was accepted');
  if (result.errors.length) result.problems.push(...result.errors);
  result.ok = result.problems.length === 0;
  return result;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
