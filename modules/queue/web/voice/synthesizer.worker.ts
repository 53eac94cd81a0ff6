/**
 * Web Worker of the synthesizer: runs eSpeak NG off the page's main thread so that a display page
 * keeps animating while an announcement is being synthesised. Messages: see synthesizer.ts.
 */
import { createEspeakEngine, espeakFromUrl, type EspeakEngine, type VoiceSettings } from './espeakEngine';

export type WorkerRequest =
  | { type: 'init'; data: ArrayBuffer; engineUrl: string; settings: VoiceSettings }
  | { type: 'synthesize'; id: number; text: string };

export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'audio'; id: number; samples: Float32Array; sampleRate: number }
  | { type: 'error'; id?: number; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let engine: Promise<EspeakEngine> | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'init') {
    engine = createEspeakEngine(request.data, espeakFromUrl(request.engineUrl), request.settings);
    engine.then(() => scope.postMessage({ type: 'ready' }), (error: unknown) => scope.postMessage({ type: 'error', message: messageOf(error) }));
    return;
  }
  if (!engine) {
    scope.postMessage({ type: 'error', id: request.id, message: 'synthesizer not initialised' });
    return;
  }
  engine
    .then((e) => {
      const audio = e.synthesize(request.text);
      scope.postMessage({ type: 'audio', id: request.id, samples: audio.samples, sampleRate: audio.sampleRate }, [audio.samples.buffer]);
    })
    .catch((error: unknown) => scope.postMessage({ type: 'error', id: request.id, message: messageOf(error) }));
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
