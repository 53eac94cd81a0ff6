/** Dates and times as the hospital's clock shows them, whatever the browser's zone. */
const TZ = 'Asia/Shanghai';

export function hhmm(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
}

export function localDay(iso: string | Date): string {
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: TZ });
}

export function todayLocal(offset = 0): string {
  return localDay(new Date(Date.now() + offset * 86_400_000));
}

export function weekday(date: string): number {
  return new Date(`${date}T12:00:00+08:00`).getUTCDay();
}

/** the check-in page the slip's QR code opens (the same address as the clinic booking slip) */
export const checkinUrl = (appointmentId: number) => `${window.location.origin}/m/checkin/${appointmentId}`;
