/**
 * Plays synthesised speech through the Web Audio API, one clip at a time, and deals with the
 * browser's autoplay policy: an AudioContext may only start after a user gesture, so a display page
 * shows a "启用语音" button once and calls unlock() from its click (kiosk browsers started with
 * --autoplay-policy=no-user-gesture-required are unlocked from the start).
 */
import type { SpeechAudio } from './speechAudio';

/** What AnnouncementQueue needs from a sound output (WebAudioOutput, or a fake in tests). */
export interface AudioOutput {
  /** true once sound may play */
  readonly unlocked: boolean;
  /** Call from a user gesture (click, key press); resolves when sound may play. */
  unlock(): Promise<void>;
  /** resolves when sound may play (at once if it already may) */
  whenUnlocked(): Promise<void>;
  /** Plays the clip; resolves when it has finished (or was stopped). */
  play(audio: SpeechAudio): Promise<void>;
  /** listens for changes of `unlocked`; returns the unsubscribe function */
  onUnlockedChange(listener: (unlocked: boolean) => void): () => void;
  close(): void;
}

type AudioContextClass = typeof AudioContext;

export interface WebAudioOutputOptions {
  /** an existing context to play through */
  context?: AudioContext;
  /** 0–1, default 1 */
  volume?: number;
}

export class WebAudioOutput implements AudioOutput {
  private context: AudioContext | null;
  private readonly gain: GainNode | null;
  private readonly listeners = new Set<(unlocked: boolean) => void>();
  private waiters: (() => void)[] = [];
  private current: AudioBufferSourceNode | null = null;
  private lastState: boolean;

  constructor(options: WebAudioOutputOptions = {}) {
    const Context = (globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }).AudioContext
      ?? (globalThis as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
    if (!options.context && !Context) throw new Error('this browser has no Web Audio API');
    // created at once: its state tells whether the autoplay policy lets it run without a gesture
    this.context = options.context ?? new Context!();
    this.gain = this.context.createGain();
    this.gain.gain.value = options.volume ?? 1;
    this.gain.connect(this.context.destination);
    this.lastState = this.unlocked;
    this.context.addEventListener('statechange', () => this.stateChanged());
  }

  get unlocked(): boolean {
    return this.context?.state === 'running';
  }

  set volume(value: number) {
    if (this.gain) this.gain.gain.value = Math.min(1, Math.max(0, value));
  }

  async unlock(): Promise<void> {
    const context = this.context;
    if (!context) throw new Error('audio output closed');
    // a silent sample started inside the gesture is what some browsers want to see
    const silence = context.createBuffer(1, 1, context.sampleRate);
    const source = context.createBufferSource();
    source.buffer = silence;
    source.connect(context.destination);
    source.start();
    await context.resume();
    this.stateChanged();
  }

  whenUnlocked(): Promise<void> {
    if (this.unlocked) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  onUnlockedChange(listener: (unlocked: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  play(audio: SpeechAudio): Promise<void> {
    const context = this.context;
    if (!context || !this.gain) return Promise.reject(new Error('audio output closed'));
    if (!audio.samples.length) return Promise.resolve();
    const buffer = context.createBuffer(1, audio.samples.length, audio.sampleRate);
    buffer.getChannelData(0).set(audio.samples);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.gain);
    this.current = source;
    return new Promise<void>((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(watchdog);
        source.onended = null;
        try {
          source.stop();
        } catch {
          // already stopped
        }
        source.disconnect();
        if (this.current === source) this.current = null;
        resolve();
      };
      // `ended` may never come if the context is suspended mid-clip (device lost, tab frozen):
      // stop the clip rather than let the queue hang or two clips overlap later
      const watchdog = setTimeout(finish, buffer.duration * 1000 + 5000);
      source.onended = finish;
      source.start();
    });
  }

  /** stops the clip being played (its play() promise resolves) */
  stop(): void {
    try {
      this.current?.stop();
    } catch {
      // not started
    }
  }

  close(): void {
    this.stop();
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.listeners.clear();
  }

  private stateChanged(): void {
    const unlocked = this.unlocked;
    if (unlocked) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
    if (unlocked === this.lastState) return;
    this.lastState = unlocked;
    for (const listener of this.listeners) listener(unlocked);
  }
}
