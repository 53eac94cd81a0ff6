/** Mono PCM audio produced by the synthesizer: samples in [-1, 1] at `sampleRate` Hz. */
export interface SpeechAudio {
  samples: Float32Array;
  sampleRate: number;
}

export function audioDuration(audio: SpeechAudio): number {
  return audio.samples.length / audio.sampleRate;
}
