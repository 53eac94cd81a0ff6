/** Node module loader hook: hands the product's transpiled source through patches.mjs. */
import { apply, PATCHES } from './patches.mjs';

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!PATCHES.some((p) => url.endsWith('/' + p.file)) || result.source == null) return result;
  const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8');
  return { ...result, source: apply(url, source) };
}
