/**
 * Offline Mandarin speech synthesis for the display pages: eSpeak NG running in the browser. Its code
 * (espeak-ng.js, 0.8 MB) and data (espeak-ng.data) are copied by Vite from the npm package into the
 * web build as static assets of our own server; only the Mandarin parts of the data are fetched
 * (~2.4 MB, HTTP range requests). Needs no internet and no system voices. Nothing is loaded until
 * createSynthesizer() is called.
 */
import espeakCodeUrl from '@echogarden/espeak-ng-emscripten/espeak-ng.js?url';
import espeakDataUrl from '@echogarden/espeak-ng-emscripten/espeak-ng.data?url';
import { fetchMandarinData } from './espeakData';
import type { VoiceSettings } from './espeakEngine';
import type { SpeechAudio } from './speechAudio';
import type { WorkerRequest, WorkerResponse } from './synthesizer.worker';

export type { SpeechAudio } from './speechAudio';
export type { VoiceSettings } from './espeakEngine';

export interface Synthesizer {
  /** Mono PCM of `text` spoken in Mandarin (digits read in Chinese, 张*三 read 张某三). */
  synthesize(text: string): Promise<SpeechAudio>;
  /** where the engine runs: a Web Worker, or the page itself when workers are unavailable */
  readonly runsIn: 'worker' | 'page';
  /** stops the worker; later calls reject */
  dispose(): void;
}

export interface SynthesizerOptions extends VoiceSettings {
  /** address of espeak-ng.data; defaults to the asset bundled with the web app */
  dataUrl?: string;
  /** address of espeak-ng.js; defaults to the asset bundled with the web app */
  engineUrl?: string;
  /** run the engine in a Web Worker (default true; falls back to the page if the worker fails to start) */
  worker?: boolean;
}

const SYNTHESIS_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 60_000;

/** one running engine (a worker, or the engine in the page) */
interface Engine {
  synthesize(text: string): Promise<SpeechAudio>;
  dispose(): void;
}

/** Loads the engine and its Mandarin data from our own server and returns a ready synthesizer. */
export async function createSynthesizer(options: SynthesizerOptions = {}): Promise<Synthesizer> {
  const { dataUrl = espeakDataUrl, engineUrl: engineAt = espeakCodeUrl, worker = true, ...settings } = options;
  // absolute, since the worker resolves it against its own address
  const engineUrl = new URL(engineAt, location.href).href;
  // each engine owns its buffer (it is transferred to the worker); later fetches come from the browser cache
  const inWorker = async () => startWorker(await fetchMandarinData(dataUrl), engineUrl, settings);
  const inPage = async () => startInPage(await fetchMandarinData(dataUrl), engineUrl, settings);
  if (worker && typeof Worker !== 'undefined') {
    try {
      return restarting('worker', await inWorker(), inWorker);
    } catch (error) {
      console.warn('[voice] speech worker unavailable, synthesising in the page', error);
    }
  }
  return restarting('page', await inPage(), inPage);
}

/**
 * A display runs all day: an engine that failed (an aborted Emscripten module, a crashed worker) is
 * replaced by a fresh one for the next announcement; the failed call still rejects.
 */
function restarting(runsIn: Synthesizer['runsIn'], first: Engine, start: () => Promise<Engine>): Synthesizer {
  let current: Promise<Engine> = Promise.resolve(first);
  let disposed = false;
  const restart = () => {
    current = start();
    current.catch(() => undefined);
  };
  return {
    runsIn,
    async synthesize(text) {
      if (disposed) throw new Error('synthesizer disposed');
      const attempt = current;
      let engine: Engine;
      try {
        engine = await attempt;
      } catch (error) {
        if (current === attempt && !disposed) restart();
        throw error;
      }
      try {
        return await engine.synthesize(text);
      } catch (error) {
        if (current === attempt && !disposed) {
          engine.dispose();
          restart();
        }
        throw error;
      }
    },
    dispose() {
      disposed = true;
      void current.then((engine) => engine.dispose(), () => undefined);
    },
  };
}

async function startInPage(data: ArrayBuffer, engineUrl: string, settings: VoiceSettings): Promise<Engine> {
  const { createEspeakEngine, espeakFromUrl } = await import('./espeakEngine');
  const engine = await createEspeakEngine(data, espeakFromUrl(engineUrl), settings);
  let disposed = false;
  return {
    async synthesize(text) {
      if (disposed) throw new Error('synthesizer disposed');
      return engine.synthesize(text);
    },
    dispose() {
      disposed = true;
    },
  };
}

function startWorker(data: ArrayBuffer, engineUrl: string, settings: VoiceSettings): Promise<Engine> {
  const worker = new Worker(new URL('./synthesizer.worker.ts', import.meta.url), { type: 'module', name: 'kangyun-voice' });
  const pending = new Map<number, { resolve(audio: SpeechAudio): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: Error | null = null;

  const failAll = (error: Error) => {
    failure ??= error;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(error);
  };

  return new Promise<Engine>((resolve, reject) => {
    let ready = false;
    const startTimer = setTimeout(() => {
      if (ready) return;
      worker.terminate();
      reject(new Error('speech worker did not start in time'));
    }, START_TIMEOUT_MS);
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`speech worker failed: ${event.message || 'could not be started'}`);
      failAll(error);
      if (!ready) {
        worker.terminate();
        reject(error);
      }
    };
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === 'ready') {
        ready = true;
        clearTimeout(startTimer);
        resolve(engine);
      } else if (message.type === 'audio') {
        pending.get(message.id)?.resolve({ samples: message.samples, sampleRate: message.sampleRate });
      } else if (message.id === undefined) {
        if (!ready) {
          worker.terminate();
          reject(new Error(message.message));
        } else failAll(new Error(message.message));
      } else {
        pending.get(message.id)?.reject(new Error(message.message));
      }
    };
    const engine: Engine = {
      synthesize(text) {
        if (failure) return Promise.reject(failure);
        const id = nextId++;
        return new Promise<SpeechAudio>((resolveAudio, rejectAudio) => {
          // a hung worker must not hold the queue up: give up (and so restart it) after a while
          const timer = setTimeout(() => {
            pending.delete(id);
            rejectAudio(new Error(`speech synthesis took more than ${SYNTHESIS_TIMEOUT_MS / 1000} s`));
          }, SYNTHESIS_TIMEOUT_MS);
          const settle = () => {
            clearTimeout(timer);
            pending.delete(id);
          };
          pending.set(id, {
            resolve: (audio) => {
              settle();
              resolveAudio(audio);
            },
            reject: (error) => {
              settle();
              rejectAudio(error);
            },
          });
          worker.postMessage({ type: 'synthesize', id, text } satisfies WorkerRequest);
        });
      },
      dispose() {
        worker.terminate();
        failAll(new Error('synthesizer disposed'));
      },
    };
    worker.postMessage({ type: 'init', data, engineUrl, settings } satisfies WorkerRequest, [data]);
  });
}
