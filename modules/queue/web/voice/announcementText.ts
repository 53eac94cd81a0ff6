/**
 * Text of a queue-calling announcement, ready for speech: a configurable template such as
 * `请{number}号{name}到{room}就诊` filled with the call's values, with every Arabic number turned into
 * its Chinese reading (12 → 十二, 007 → 零零七) and every masking character of a name read as 某
 * (张*三 → 张某三), so the synthesizer never says "star" or reads digits in another language.
 * Pure functions: no DOM, no engine.
 */

/** The announcement of the requirement: 请 12 号 张*三 到 3 诊室 就诊. */
export const DEFAULT_TEMPLATE = '请{number}号{name}到{room}就诊';

/**
 * How the digits of a value are read:
 * - `cardinal`: as a quantity (12 → 十二, 102 → 一百零二);
 * - `digits`: one by one (102 → 一零二), as room and telephone numbers usually are;
 * - `auto` (default): `cardinal` for up to four digits without a leading zero, `digits` otherwise
 *   (007 → 零零七, 123456 → 一二三四五六).
 */
export type NumberReading = 'auto' | 'cardinal' | 'digits';

export type TemplateParams = Record<string, string | number | null | undefined>;

const DIGITS = '零一二三四五六七八九';
const SMALL_UNITS = ['', '十', '百', '千'];
/** characters that mask part of a name (张*三, 李**) */
const MASK = /[*＊✱∗]/g;
const PLACEHOLDER = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*(auto|cardinal|digits)\s*)?\}/g;

/** One to four digits (1–9999) in Chinese, with 零 for inner zeros: 1010 → 一千零一十. */
function section(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let unit = 3; unit >= 0; unit -= 1) {
    const digit = Math.floor(n / 10 ** unit) % 10;
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[digit] + SMALL_UNITS[unit];
  }
  return out;
}

/**
 * An integer from 0 to 99 999 999 as a Chinese cardinal number: 0 → 零, 12 → 十二, 110 → 一百一十,
 * 1001 → 一千零一, 120034 → 十二万零三十四. Larger or non-integer values are read digit by digit.
 */
export function numberToChinese(value: number | string): string {
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) throw new RangeError(`not a non-negative integer: ${text}`);
  const n = Number(text);
  if (n >= 1e8) return digitsToChinese(text);
  if (n === 0) return '零';
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? `${section(high)}万` : '';
  if (low) out += (high && low < 1000 ? '零' : '') + section(low);
  // 10–19 (and 十万…) are said without the leading 一
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Every digit on its own: 102 → 一零二. Characters other than 0–9 are kept. */
export function digitsToChinese(text: string): string {
  return text.replace(/\d/g, (d) => DIGITS[Number(d)]);
}

function readNumber(run: string, reading: NumberReading): string {
  if (reading === 'digits') return digitsToChinese(run);
  if (reading === 'cardinal') return numberToChinese(run);
  const leadingZero = run.length > 1 && run.startsWith('0');
  return !leadingZero && run.length <= 4 ? numberToChinese(run) : digitsToChinese(run);
}

/**
 * Makes free text safe and natural to speak in Mandarin:
 * - masking characters (`*`, `＊`) become 某: 张*三 → 张某三;
 * - full-width digits count as digits; runs of digits are read in Chinese (see NumberReading),
 *   a decimal part digit by digit after 点 (3.5 → 三点五);
 * - a dash between letters or digits is read 杠 (3-2 → 三杠二);
 * - the middle dot of transliterated names (阿依古丽·买买提) becomes a short pause;
 * - runs of white space are collapsed.
 * Applying it twice changes nothing.
 */
export function normalizeForSpeech(text: string, reading: NumberReading = 'auto'): string {
  return speakable(text, reading).trim();
}

function speakable(text: string, reading: NumberReading): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(MASK, '某')
    .replace(/([0-9A-Za-z])\s*[-－—–]\s*(?=[0-9A-Za-z])/g, '$1杠')
    .replace(/(\d+)\.(\d+)/g, (_m, whole: string, fraction: string) => `${readNumber(whole, reading === 'digits' ? 'digits' : 'cardinal')}点${digitsToChinese(fraction)}`)
    .replace(/\d+/g, (run) => readNumber(run, reading))
    .replace(/[·•・]/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The placeholder names a template uses, in order of first use (for checking a configured template). */
export function templatePlaceholders(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

/**
 * Fills a template with the call's values and makes the result speakable (normalizeForSpeech).
 * Placeholders are `{key}` or `{key|cardinal}` / `{key|digits}` / `{key|auto}` to choose how the
 * value's numbers are read; a missing value leaves nothing. Numbers in the template's own text are
 * read the `auto` way.
 *
 *   renderAnnouncement('请{number}号{name}到{room}就诊', { number: 12, name: '张*三', room: '3诊室' })
 *   // → '请十二号张某三到三诊室就诊'
 */
export function renderAnnouncement(template: string, params: TemplateParams): string {
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    out += speakable(template.slice(last, index), 'auto');
    const value = params[match[1]];
    if (value !== undefined && value !== null) out += speakable(String(value), (match[2] as NumberReading | undefined) ?? 'auto');
    last = index + match[0].length;
  }
  out += speakable(template.slice(last), 'auto');
  return out.replace(/\s+/g, ' ').trim();
}
