import type { Lang } from '@kangyun/web-shell/i18n';

/** the hospital's zone: a phone abroad or with a wrong zone still shows the clinic's local times */
const TZ = 'Asia/Shanghai';

export function hhmm(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
}

/** YYYY-MM-DD of an instant in the hospital's zone */
export function localDay(iso: string | Date): string {
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: TZ });
}

export function todayLocal(offset = 0): string {
  return localDay(new Date(Date.now() + offset * 86_400_000));
}

/** the next `n` days from today, YYYY-MM-DD */
export function nextDays(n: number): string[] {
  return Array.from({ length: n }, (_, i) => todayLocal(i));
}

export function weekday(date: string): number {
  return new Date(`${date}T12:00:00+08:00`).getUTCDay();
}

/** 5/21 */
export function monthDay(date: string, lang: Lang): string {
  const [, m, d] = date.split('-').map(Number);
  return lang === 'zh-CN' ? `${m}月${d}日` : `${m}/${d}`;
}

/** 5/21, for narrow places such as the date strip */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}/${d}`;
}

/** "5月21日 周四" etc. */
export function dateLabel(date: string, lang: Lang, weekdays: string[]): string {
  return `${monthDay(date, lang)} ${weekdays[weekday(date)]}`;
}

/** 2026-05-21 08:30 in the hospital's zone */
export function dateTime(iso: string, lang: Lang): string {
  return `${monthDay(localDay(iso), lang)} ${hhmm(iso)}`;
}

/** a fresh idempotency key for one booking attempt (kept while the patient retries the same choice) */
export function newKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `m-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
