/** Dates and times as the hospital's clock shows them, whatever the browser's zone. */
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

export function weekday(date: string): number {
  return new Date(`${date}T12:00:00+08:00`).getUTCDay();
}

/** 08:00-08:30 */
export function segment(startsAt: string, endsAt: string): string {
  return `${hhmm(startsAt)}-${hhmm(endsAt)}`;
}
