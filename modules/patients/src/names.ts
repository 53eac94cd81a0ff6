import { pinyin } from 'pinyin-pro';

/** 张三 → 张*; 张三丰 → 张*丰; 欧阳娜娜 → 欧**娜: first and last character kept, as in PIPL-style display masking. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** unigrams and bigrams of the name: any substring of length ≥ 1 is found through them */
export function nameTokens(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '')];
  const tokens = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i] + chars[i + 1]);
  return [...tokens];
}

/** the tokens a query must all match: its bigrams, or the single character */
export function queryTokens(q: string): string[] {
  const chars = [...q.replace(/\s+/g, '')];
  if (chars.length <= 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** pinyin initials and full pinyin (surname readings, e.g. 单 = shan, 曾 = zeng) */
export function namePinyin(name: string): { initials: string; full: string } {
  const opts = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' } as const;
  const full = pinyin(name, opts).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return { initials: full.map((s) => s[0] ?? '').join(''), full: full.join('') };
}
