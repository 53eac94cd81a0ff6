/**
 * Which parts of the eSpeak NG data file (`espeak-ng.data` of @echogarden/espeak-ng-emscripten, 24 MB
 * for every language) Mandarin needs: the phoneme tables, the intonations, the Mandarin dictionary
 * and voice, and the English ones (the cmn voice reads Latin letters — A012 — in English).
 * Together about 2.4 MB, fetched with HTTP range requests; the engine is given a buffer laid out like
 * the whole file with only these parts filled in.
 *
 * The offsets belong to the exact package version pinned in packages/web/package.json;
 * espeakData.test.ts checks them against the installed package, so an upgrade that moves them fails
 * the tests instead of the announcements.
 */

export const ESPEAK_PACKAGE_VERSION = '0.3.5';
/** size of espeak-ng.data */
export const ESPEAK_DATA_SIZE = 24_014_553;

/** file inside the engine's data folder → [start, end) byte offsets in espeak-ng.data */
export const MANDARIN_DATA_FILES: Readonly<Record<string, readonly [number, number]>> = {
  cmn_dict: [1_266_249, 2_832_596],
  en_dict: [3_314_089, 3_481_153],
  intonations: [10_656_006, 10_658_318],
  'lang/gmw/en': [11_219_513, 11_219_653],
  'lang/sit/cmn': [11_227_198, 11_227_884],
  phondata: [12_783_987, 13_338_727],
  phonindex: [13_338_727, 13_382_043],
  phontab: [13_382_043, 13_440_695],
};

export interface ByteRange {
  start: number;
  /** exclusive */
  end: number;
}

/** The byte ranges to fetch: the files' ranges, sorted, neighbours closer than `gap` bytes merged. */
export function dataRanges(gap = 64 * 1024): ByteRange[] {
  const sorted = Object.values(MANDARIN_DATA_FILES)
    .map(([start, end]) => ({ start, end }))
    .sort((a, b) => a.start - b.start);
  const out: ByteRange[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.start - last.end <= gap) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/** how many bytes the engine's buffer needs: up to the end of the last file used */
export function dataBufferSize(): number {
  return Math.max(...Object.values(MANDARIN_DATA_FILES).map(([, end]) => end));
}

type FetchLike = (input: string, init?: { headers?: Record<string, string> }) => Promise<{
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

/**
 * Fetches the Mandarin parts of espeak-ng.data from `url` (our own server) into a buffer laid out
 * like the whole file. Uses range requests (a few parallel requests, ~2.4 MB); a server that ignores
 * ranges (200 with the whole file) works too, at the cost of the full download.
 */
export async function fetchMandarinData(url: string, fetchImpl: FetchLike = (input, init) => fetch(input, init)): Promise<ArrayBuffer> {
  const buffer = new ArrayBuffer(dataBufferSize());
  const bytes = new Uint8Array(buffer);
  const ranges = dataRanges();
  const get = (range: ByteRange) => fetchImpl(url, { headers: { range: `bytes=${range.start}-${range.end - 1}` } });
  const copyFromWhole = async (res: Awaited<ReturnType<FetchLike>>) => {
    if (!res.ok) throw new Error(`speech data ${url}: HTTP ${res.status}`);
    const whole = await res.arrayBuffer();
    if (whole.byteLength !== ESPEAK_DATA_SIZE) throw new Error(`speech data ${url}: ${whole.byteLength} bytes, expected ${ESPEAK_DATA_SIZE}`);
    for (const { start, end } of ranges) bytes.set(new Uint8Array(whole, start, end - start), start);
  };
  const copyPart = async (range: ByteRange, res: Awaited<ReturnType<FetchLike>>) => {
    const part = new Uint8Array(await res.arrayBuffer());
    if (part.length !== range.end - range.start) throw new Error(`speech data ${url}: expected ${range.end - range.start} bytes at ${range.start}, got ${part.length}`);
    bytes.set(part, range.start);
  };
  const isPart = (range: ByteRange, res: Awaited<ReturnType<FetchLike>>) => res.status === 206 && rangeStart(res.headers.get('content-range')) === range.start;

  // the first answer tells whether the server honours ranges; if not, its whole file serves every range
  const first = await get(ranges[0]);
  if (!isPart(ranges[0], first)) {
    await copyFromWhole(first.status === 200 ? first : await fetchImpl(url));
    return buffer;
  }
  await copyPart(ranges[0], first);
  await Promise.all(ranges.slice(1).map(async (range) => {
    const res = await get(range);
    if (!isPart(range, res)) throw new Error(`speech data ${url}: no partial content for bytes ${range.start}-${range.end - 1} (HTTP ${res.status})`);
    await copyPart(range, res);
  }));
  return buffer;
}

function rangeStart(contentRange: string | null): number | null {
  const match = /^bytes\s+(\d+)-\d+\/(?:\d+|\*)$/i.exec(contentRange?.trim() ?? '');
  return match ? Number(match[1]) : null;
}
