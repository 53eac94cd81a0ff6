/**
 * The announcements of one waiting area, spoken one at a time in call order and never overlapping.
 *
 * - Order: by the caller's sequence number (`seq`, e.g. the call's number in the calling system),
 *   then by arrival. An announcement that arrives late with a lower `seq` is still spoken before
 *   every higher one that has not started yet; one that has started is finished first.
 * - Duplicates (same `id`, e.g. a message delivered twice) are ignored; a re-call needs a new id.
 * - Each announcement is spoken `repeat` times with a pause in between, then a longer pause before
 *   the next announcement.
 * - Sound starts only once the output is unlocked (autoplay policy): the page calls unlock() from a
 *   click or key press ("启用语音"). Announcements wait meanwhile; those older than `maxWaitMs` when
 *   their turn comes are skipped rather than read out long after the call.
 * - A failed synthesis or playback is reported (console and `error` event) and the queue goes on.
 * - Events `start` / `end` (each repetition) let the page highlight the call being spoken.
 */
import type { SpeechAudio } from './speechAudio';
import { createSynthesizer } from './loadSynthesizer';
import type { Synthesizer } from './synthesizer';
import { WebAudioOutput, type AudioOutput } from './webAudioOutput';

export interface Announcement<T = unknown> {
  /** identifies the call event; an id seen before is ignored */
  id: string | number;
  /** call order: lower is spoken first */
  seq: number;
  /** what to say, e.g. renderAnnouncement(template, params) */
  text: string;
  /** times to say it; defaults to the queue's `repeat` */
  repeat?: number;
  /** anything the page wants back in the events (the call, to highlight it) */
  data?: T;
}

export interface PlayEvent<T = unknown> {
  announcement: Announcement<T>;
  /** 1-based */
  repetition: number;
  repetitions: number;
  /** `now()` (performance.now() by default) when the event happened */
  time: number;
  /** seconds of audio of one repetition */
  duration: number;
}

export interface QueueEvents<T = unknown> {
  start: PlayEvent<T>;
  end: PlayEvent<T>;
  error: { announcement?: Announcement<T>; error: unknown };
  skip: { announcement: Announcement<T>; reason: 'stale' };
  /** nothing is left to say */
  idle: undefined;
  /** sound became allowed (true) or not (false) */
  unlocked: boolean;
}

export interface AnnouncementQueueOptions<T = unknown> {
  /** a synthesizer, or how to make one (default: createSynthesizer(), on first need) */
  synthesizer?: Synthesizer | (() => Promise<Synthesizer>);
  /** where sound goes (default: a WebAudioOutput) */
  output?: AudioOutput;
  /** times each announcement is said, 1–10; default 2 */
  repeat?: number;
  /** pause between two repetitions of one announcement; default 1000 ms */
  pauseBetweenRepeatsMs?: number;
  /** pause between two announcements; default 1500 ms */
  pauseBetweenAnnouncementsMs?: number;
  /** an announcement that waited longer than this when its turn comes is skipped; default 10 min */
  maxWaitMs?: number;
  onStart?: (event: PlayEvent<T>) => void;
  onEnd?: (event: PlayEvent<T>) => void;
  onError?: (event: QueueEvents<T>['error']) => void;
  /** clock and timer, replaceable in tests */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Pending<T> {
  announcement: Announcement<T>;
  arrival: number;
  enqueuedAt: number;
}

const SEEN_IDS_KEPT = 5000;
const AUDIO_CACHE_SIZE = 16;

type Listener<T, K extends keyof QueueEvents<T>> = (event: QueueEvents<T>[K]) => void;

export class AnnouncementQueue<T = unknown> {
  private readonly output: AudioOutput;
  private readonly options: Required<Pick<AnnouncementQueueOptions<T>, 'repeat' | 'pauseBetweenRepeatsMs' | 'pauseBetweenAnnouncementsMs' | 'maxWaitMs' | 'now' | 'sleep'>>;
  private readonly pending: Pending<T>[] = [];
  private readonly seen = new Set<string>();
  private readonly audio = new Map<string, Promise<SpeechAudio>>();
  private readonly listeners = new Map<keyof QueueEvents<T>, Set<(event: never) => void>>();
  private synthesizer: Promise<Synthesizer> | null = null;
  private readonly makeSynthesizer: () => Promise<Synthesizer>;
  private arrivals = 0;
  private running = false;
  private disposed = false;
  private playing: Announcement<T> | null = null;
  /** when the last announcement finished (for the pause before the next) */
  private lastEnd = Number.NEGATIVE_INFINITY;
  /** what dispose() stops: only what the queue made itself */
  private readonly owns: { synthesizer: boolean; output: boolean };
  private readonly stopListening: () => void;

  constructor(options: AnnouncementQueueOptions<T> = {}) {
    const given = options.synthesizer;
    this.makeSynthesizer = typeof given === 'function' ? given : given ? () => Promise.resolve(given) : () => createSynthesizer();
    this.output = options.output ?? new WebAudioOutput();
    this.owns = { synthesizer: !given, output: !options.output };
    this.options = {
      repeat: clampInt(options.repeat ?? 2, 1, 10),
      pauseBetweenRepeatsMs: Math.max(0, options.pauseBetweenRepeatsMs ?? 1000),
      pauseBetweenAnnouncementsMs: Math.max(0, options.pauseBetweenAnnouncementsMs ?? 1500),
      maxWaitMs: options.maxWaitMs ?? 10 * 60_000,
      now: options.now ?? (() => performance.now()),
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    if (options.onStart) this.on('start', options.onStart);
    if (options.onEnd) this.on('end', options.onEnd);
    if (options.onError) this.on('error', options.onError);
    this.stopListening = this.output.onUnlockedChange((unlocked) => this.emit('unlocked', unlocked));
  }

  /** true once sound may play; until then show a "启用语音" button that calls unlock() */
  get unlocked(): boolean {
    return this.output.unlocked;
  }

  /** the announcement being spoken now, if any */
  get current(): Announcement<T> | null {
    return this.playing;
  }

  /** announcements waiting, in the order they will be spoken */
  get waiting(): Announcement<T>[] {
    return [...this.pending].sort(compare).map((p) => p.announcement);
  }

  /**
   * Allows sound. Call it from a user gesture (the click on "启用语音"); also starts loading the
   * speech engine so the first announcement is not delayed by it.
   */
  async unlock(): Promise<void> {
    const unlocking = this.output.unlock();
    void this.getSynthesizer().catch(() => undefined);
    await unlocking;
  }

  /** Loads the speech engine now rather than on the first announcement. */
  async prepare(): Promise<void> {
    await this.getSynthesizer();
  }

  /**
   * Adds an announcement; returns false if its id was seen before (it is then ignored).
   * Announcements added in the same task are ordered among themselves before any of them starts.
   */
  enqueue(announcement: Announcement<T>): boolean {
    if (this.disposed) return false;
    const key = idKey(announcement.id);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > SEEN_IDS_KEPT) this.seen.delete(this.seen.values().next().value as string);
    this.pending.push({ announcement, arrival: this.arrivals++, enqueuedAt: this.options.now() });
    this.kick();
    return true;
  }

  /** Drops every announcement not yet started (the one being spoken finishes). */
  clear(): void {
    this.pending.length = 0;
  }

  on<K extends keyof QueueEvents<T>>(type: K, listener: Listener<T, K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as (event: never) => void);
    return () => set.delete(listener as (event: never) => void);
  }

  /**
   * Stops for good: drops what is waiting; closes the sound output and the speech engine if the queue
   * made them (not those passed in its options).
   */
  dispose(): void {
    this.disposed = true;
    this.pending.length = 0;
    this.stopListening();
    if (this.owns.output) this.output.close();
    if (this.owns.synthesizer) void this.synthesizer?.then((s) => s.dispose(), () => undefined);
    this.listeners.clear();
  }

  private kick(): void {
    if (this.running || this.disposed) return;
    this.running = true;
    // after the current task, so that announcements enqueued together are ordered first
    queueMicrotask(() => void this.run());
  }

  private async run(): Promise<void> {
    try {
      while (!this.disposed && this.pending.length) {
        await this.output.whenUnlocked();
        const next = this.next();
        if (!next) break;
        const { announcement } = next;
        if (this.options.now() - next.enqueuedAt > this.options.maxWaitMs) {
          this.remove(next);
          this.emit('skip', { announcement, reason: 'stale' });
          continue;
        }
        let audio: SpeechAudio;
        try {
          audio = await this.audioFor(announcement.text);
        } catch (error) {
          this.remove(next);
          this.fail(announcement, error);
          continue;
        }
        if (this.disposed) break;
        // something with a lower seq came in while this was being synthesised: it goes first
        if (this.next() !== next) continue;
        const gap = this.lastEnd + this.options.pauseBetweenAnnouncementsMs - this.options.now();
        if (gap > 0) {
          await this.options.sleep(gap);
          if (this.disposed) break;
          if (this.next() !== next) continue;
        }
        this.remove(next);
        await this.speak(announcement, audio);
        this.lastEnd = this.options.now();
      }
    } catch (error) {
      this.fail(undefined, error);
    } finally {
      this.running = false;
      if (!this.disposed) {
        if (this.pending.length) this.kick();
        else this.emit('idle', undefined);
      }
    }
  }

  private async speak(announcement: Announcement<T>, audio: SpeechAudio): Promise<void> {
    const repetitions = clampInt(announcement.repeat ?? this.options.repeat, 1, 10);
    const duration = audio.samples.length / audio.sampleRate;
    this.playing = announcement;
    // while this one is spoken, prepare the next
    const upcoming = this.next();
    if (upcoming) void this.audioFor(upcoming.announcement.text).catch(() => undefined);
    try {
      for (let repetition = 1; repetition <= repetitions && !this.disposed; repetition += 1) {
        if (!this.output.unlocked) await this.output.whenUnlocked();
        this.emit('start', { announcement, repetition, repetitions, duration, time: this.options.now() });
        try {
          await this.output.play(audio);
        } catch (error) {
          this.fail(announcement, error);
          return;
        }
        this.emit('end', { announcement, repetition, repetitions, duration, time: this.options.now() });
        if (repetition < repetitions && !this.disposed) await this.options.sleep(this.options.pauseBetweenRepeatsMs);
      }
    } finally {
      this.playing = null;
    }
  }

  private next(): Pending<T> | undefined {
    let best: Pending<T> | undefined;
    for (const p of this.pending) if (!best || compare(p, best) < 0) best = p;
    return best;
  }

  private remove(item: Pending<T>): void {
    const index = this.pending.indexOf(item);
    if (index >= 0) this.pending.splice(index, 1);
  }

  private getSynthesizer(): Promise<Synthesizer> {
    if (!this.synthesizer) {
      const made = this.makeSynthesizer();
      this.synthesizer = made;
      // a failed start is retried on the next announcement
      made.catch(() => {
        if (this.synthesizer === made) this.synthesizer = null;
      });
    }
    return this.synthesizer;
  }

  private audioFor(text: string): Promise<SpeechAudio> {
    const cached = this.audio.get(text);
    if (cached) return cached;
    const made = this.getSynthesizer().then((s) => s.synthesize(text));
    this.audio.set(text, made);
    if (this.audio.size > AUDIO_CACHE_SIZE) this.audio.delete(this.audio.keys().next().value as string);
    made.catch(() => {
      if (this.audio.get(text) === made) this.audio.delete(text);
    });
    return made;
  }

  private fail(announcement: Announcement<T> | undefined, error: unknown): void {
    console.warn('[voice] announcement failed', announcement?.id, error);
    this.emit('error', { announcement, error });
  }

  private emit<K extends keyof QueueEvents<T>>(type: K, event: QueueEvents<T>[K]): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) {
      try {
        (listener as Listener<T, K>)(event);
      } catch (error) {
        console.warn(`[voice] ${String(type)} listener failed`, error);
      }
    }
  }
}

function compare<T>(a: Pending<T>, b: Pending<T>): number {
  return a.announcement.seq - b.announcement.seq || a.arrival - b.arrival;
}

/** 7 and '7' are the same call */
function idKey(id: string | number): string {
  return String(id);
}


function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(Number.isFinite(value) ? value : min)));
}
