/**
 * The speech engine: eSpeak NG (GPL-3.0, @echogarden/espeak-ng-emscripten — C compiled to plain
 * JavaScript, no .wasm file) with its Mandarin voice. Its code is not bundled with ours: the web build
 * ships the package's espeak-ng.js unchanged as a file of its own, loaded at run time from our
 * server. Given the data buffer from fetchMandarinData it never touches the network. Runs in the
 * synthesizer's Web Worker (or, as a fallback, in the page; and in Node for the tests).
 */
import type { EspeakModuleOptions, EspeakModule, ESpeakNGWorker } from '@echogarden/espeak-ng-emscripten';
import { normalizeForSpeech } from './announcementText';
import type { SpeechAudio } from './speechAudio';

export interface VoiceSettings {
  /** eSpeak voice; `cmn` is Mandarin (default) */
  voice?: string;
  /** words per minute, 80–450; default 160, a little slower than eSpeak's 175 for a waiting room */
  rate?: number;
  /** 0–100, default 50 */
  pitch?: number;
  /** pitch range 0–100, default 50 */
  range?: number;
  /** scale each announcement so that its loudest sample is at `peak` (0–1); default 0.9; 0 leaves it */
  peak?: number;
}

export interface EspeakEngine {
  /** Speaks `text` (normalised first: digits in Chinese, masked names with 某) into PCM audio. */
  synthesize(text: string): SpeechAudio;
}

export const DEFAULT_VOICE_SETTINGS: Required<VoiceSettings> = { voice: 'cmn', rate: 160, pitch: 50, range: 50, peak: 0.9 };

/** how to load the engine's code: in the browser `import(url of espeak-ng.js)`, in Node `import('@echogarden/espeak-ng-emscripten')` */
export type EspeakLoader = () => Promise<{ default: (options?: EspeakModuleOptions) => Promise<EspeakModule> }>;

/** Loads the engine's code from `url` (espeak-ng.js as shipped by the package, served by our server). */
export function espeakFromUrl(url: string): EspeakLoader {
  return () => import(/* @vite-ignore */ url) as ReturnType<EspeakLoader>;
}

/**
 * `data`: a buffer laid out like espeak-ng.data (see espeakData.ts); it is handed to the engine, not copied.
 * `load`: the engine's code (see EspeakLoader).
 */
export async function createEspeakEngine(data: ArrayBuffer, load: EspeakLoader, settings: VoiceSettings = {}): Promise<EspeakEngine> {
  const options = { ...DEFAULT_VOICE_SETTINGS, ...withoutUndefined(settings) };
  const { default: createEspeakModule } = await load();
  const messages: string[] = [];
  const module = await createEspeakModule({
    getPreloadedPackage: () => data,
    print: (text) => messages.push(text),
    printErr: (text) => messages.push(text),
  });
  const worker: ESpeakNGWorker = new module.eSpeakNGWorker();
  worker.set_voice(options.voice);
  worker.set_rate(clamp(options.rate, 80, 450));
  worker.set_pitch(clamp(options.pitch, 0, 100));
  worker.set_range(clamp(options.range, 0, 100));
  const sampleRate = worker.samplerate || 22050;

  return {
    synthesize(text: string): SpeechAudio {
      const spoken = escapeSsml(normalizeForSpeech(text));
      if (!spoken) return { samples: new Float32Array(0), sampleRate };
      const chunks: Int16Array[] = [];
      let length = 0;
      messages.length = 0;
      worker.synthesize(spoken, (samples) => {
        if (samples && samples.length) {
          // the samples live in the engine's memory, which the next call reuses: copy them
          chunks.push(Int16Array.from(samples));
          length += samples.length;
        }
      });
      if (!length) throw new Error(`eSpeak produced no audio for "${text}"${messages.length ? `: ${messages.join(' ')}` : ''}`);
      const out = new Float32Array(length);
      let offset = 0;
      let max = 0;
      for (const chunk of chunks) {
        for (let i = 0; i < chunk.length; i += 1) {
          const value = chunk[i] / 32768;
          out[offset + i] = value;
          max = Math.max(max, Math.abs(value));
        }
        offset += chunk.length;
      }
      if (options.peak > 0 && max > 0) {
        const gain = Math.min(options.peak, 1) / max;
        for (let i = 0; i < out.length; i += 1) out[i] *= gain;
      }
      return { samples: out, sampleRate };
    },
  };
}

/** eSpeak reads its input as SSML */
function escapeSsml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
