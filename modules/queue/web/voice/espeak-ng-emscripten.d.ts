/** The parts of @echogarden/espeak-ng-emscripten (eSpeak NG compiled with Emscripten, no own types) that we use. */
declare module '@echogarden/espeak-ng-emscripten' {
  export interface EspeakEvent {
    type: string;
    audio_position: number;
    text_position: number;
    word_length: number;
    id?: string | number;
  }

  export interface ESpeakNGWorker {
    /** SSML is on: text must be escaped */
    synthesize(text: string, callback: (samples: Int16Array | null, events: EspeakEvent[]) => void): void;
    set_voice(name: string): void;
    /** words per minute, 80–450 (default 175) */
    set_rate(rate: number): void;
    /** 0–100 (default 50) */
    set_pitch(pitch: number): void;
    /** pitch range 0–100 (default 50) */
    set_range(range: number): void;
    readonly samplerate: number;
  }

  export interface EspeakModule {
    eSpeakNGWorker: new () => ESpeakNGWorker;
  }

  export interface EspeakModuleOptions {
    /** returns the data package's bytes instead of letting the module fetch espeak-ng.data itself */
    getPreloadedPackage?: (name: string, size: number) => ArrayBuffer | null;
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }

  const createEspeakModule: (options?: EspeakModuleOptions) => Promise<EspeakModule>;
  export default createEspeakModule;
}
