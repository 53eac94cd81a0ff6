/**
 * createSynthesizer without loading the synthesizer's module (and its asset references) up front:
 * the engine's code is fetched on the first call only. What index.ts exports.
 */
import type { Synthesizer, SynthesizerOptions } from './synthesizer';

export async function createSynthesizer(options?: SynthesizerOptions): Promise<Synthesizer> {
  const { createSynthesizer: create } = await import('./synthesizer');
  return create(options);
}
