/**
 * 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male), check character by ISO 7064 MOD 11-2.
 * Source: GB 11643-1999 §5–§7; algorithm and test vectors as in ../shared/standards/china-health-it.md §7.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type ResidentIdProblem = 'format' | 'checksum' | 'birth_date';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export interface ResidentIdInfo {
  birthDate: string;
  sex: 'male' | 'female';
}

/** Parses and checks an 18-character number; returns the problem or the facts it encodes. */
export function parseResidentId(input: string, today = new Date()): { ok: true; value: string; info: ResidentIdInfo } | { ok: false; problem: ResidentIdProblem } {
  const s = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: 'format' };
  if (residentIdCheckChar(s.slice(0, 17)) !== s[17]) return { ok: false, problem: 'checksum' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && date.getTime() <= today.getTime();
  if (!valid) return { ok: false, problem: 'birth_date' };
  return { ok: true, value: s, info: { birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`, sex: Number(s[16]) % 2 === 1 ? 'male' : 'female' } };
}
