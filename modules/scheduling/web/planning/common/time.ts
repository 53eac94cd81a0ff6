import dayjs, { type Dayjs } from 'dayjs';

/** the hospital's clock: sessions are planned in China Standard Time whatever the browser's zone */
const TZ = 'Asia/Shanghai';

export function hm(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.toLocaleDateString('sv-SE', { timeZone: TZ })} ${hm(iso)}`;
}

export function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: TZ });
}

export const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Monday of the week a date falls in */
export function mondayOf(date: string): Dayjs {
  const d = dayjs(date);
  const dow = d.day() === 0 ? 7 : d.day();
  return d.subtract(dow - 1, 'day');
}

/** "HH:mm" ↔ dayjs for antd TimePicker */
export const toTime = (v: string | null | undefined) => (v ? dayjs(`2000-01-01T${v}`) : null);
export const fromTime = (v: Dayjs | null | undefined) => (v ? v.format('HH:mm') : null);
