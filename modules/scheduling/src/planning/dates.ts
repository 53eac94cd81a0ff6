import { HOSPITAL_TZ } from '../constants.js';

/** Calendar arithmetic on local "YYYY-MM-DD" dates (UTC noon avoids any daylight-saving edge). */

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** today's date in the hospital's zone */
export function localToday(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: HOSPITAL_TZ });
}

/** "HH:MM" of an instant in the hospital's zone */
export function localTime(at: Date | string): string {
  return new Date(at).toLocaleTimeString('zh-CN', { timeZone: HOSPITAL_TZ, hour: '2-digit', minute: '2-digit', hour12: false });
}

/** "MM-DD" of a date, for yearly recurring ranges */
export function monthDay(date: string): string {
  return date.slice(5, 10);
}

/** whether a yearly range "MM-DD".."MM-DD" covers a month-day; a range may wrap the new year (10-01..04-30) */
export function inYearlyRange(md: string, startsOn: string, endsOn: string): boolean {
  return startsOn <= endsOn ? md >= startsOn && md <= endsOn : md >= startsOn || md <= endsOn;
}

/** "HH:MM" from a PostgreSQL time value ("08:00:00") */
export function hhmm(v: string | null): string | null {
  return v ? v.slice(0, 5) : null;
}
