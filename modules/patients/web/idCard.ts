import dayjs from 'dayjs';
import type { Sex } from './types';

export interface ResidentIdInfo {
  /** Complete and well-formed (length, digits, real date, check digit). */
  valid: boolean;
  birthDate?: string;
  sex?: Exclude<Sex, 'unknown'>;
  problem?: 'incomplete' | 'format' | 'date' | 'checksum';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckDigit(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK[sum % 11];
}

/**
 * Reads birth date and sex from a mainland resident ID number (GB 11643):
 * 18 digits (last may be X) or the legacy 15-digit form.
 */
export function parseResidentId(raw: string): ResidentIdInfo {
  const id = raw.trim().toUpperCase();
  if (!id) return { valid: false, problem: 'incomplete' };
  if (!/^\d{15}$|^\d{17}[\dX]$/.test(id)) {
    return { valid: false, problem: /^\d{0,17}[\dX]?$/.test(id) && id.length < 18 ? 'incomplete' : 'format' };
  }
  const dateText = id.length === 18 ? id.slice(6, 14) : `19${id.slice(6, 12)}`;
  const iso = `${dateText.slice(0, 4)}-${dateText.slice(4, 6)}-${dateText.slice(6, 8)}`;
  const date = dayjs(iso);
  if (!date.isValid() || date.format('YYYY-MM-DD') !== iso || date.isAfter(dayjs()) || date.year() < 1900) {
    return { valid: false, problem: 'date' };
  }
  const sexDigit = Number(id.length === 18 ? id[16] : id[14]);
  const sex = sexDigit % 2 === 1 ? 'male' : 'female';
  if (id.length === 18 && residentIdCheckDigit(id.slice(0, 17)) !== id[17]) {
    return { valid: false, birthDate: iso, sex, problem: 'checksum' };
  }
  return { valid: true, birthDate: iso, sex };
}
