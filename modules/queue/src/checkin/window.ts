import { AppError } from '@kangyun/kernel';
import { HOSPITAL_TZ } from '../constants.js';
import type { QueueRule } from '../rules/queue-rule.js';

export interface CheckinWindow {
  from: Date;
  to: Date;
  /** arriving after this is late (迟到) */
  lateAfter: Date;
}

/**
 * When a booking may check in: from `checkinBeforeMinutes` before its time segment to
 * `checkinAfterMinutes` after it, but never after the session ends. An add-on number (加号) has no
 * segment of its own: it may check in during the whole session and is never late.
 */
export function checkinWindow(rule: QueueRule, a: { startsAt: Date; addOn: boolean; sessionStartsAt: Date; sessionEndsAt: Date }): CheckinWindow {
  const anchor = a.addOn ? a.sessionStartsAt : a.startsAt;
  const from = new Date(anchor.getTime() - rule.checkinBeforeMinutes * 60_000);
  const to = a.addOn ? a.sessionEndsAt : new Date(Math.min(anchor.getTime() + rule.checkinAfterMinutes * 60_000, a.sessionEndsAt.getTime()));
  const lateAfter = a.addOn ? a.sessionEndsAt : new Date(anchor.getTime() + rule.lateGraceMinutes * 60_000);
  return { from, to: to < from ? from : to, lateAfter };
}

/** local "HH:mm", with the date when it is not the same day as `ref` */
export function localTime(d: Date, ref?: Date): string {
  const time = d.toLocaleTimeString('zh-CN', { timeZone: HOSPITAL_TZ, hour: '2-digit', minute: '2-digit', hour12: false });
  const day = (x: Date) => x.toLocaleDateString('sv-SE', { timeZone: HOSPITAL_TZ });
  return ref && day(d) !== day(ref) ? `${day(d)} ${time}` : time;
}

/** refuses a check-in outside the window, saying when it is open */
export function assertInWindow(window: CheckinWindow, startsAt: Date, now: Date): void {
  const params = { from: localTime(window.from, now), to: localTime(window.to, now), start: localTime(startsAt, now) };
  const extra = { window: { from: window.from.toISOString(), to: window.to.toISOString() } };
  if (now < window.from) throw new AppError(409, 'checkin_not_yet', 'queue.checkin_not_yet', params, [], extra);
  if (now > window.to) throw new AppError(409, 'checkin_closed', 'queue.checkin_closed', params, [], extra);
}
