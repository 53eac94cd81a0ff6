import type { BookingRule } from './booking-rule.js';
import { HOSPITAL_TZ } from '../constants.js';

/**
 * When a session's numbers open and close for booking, as SQL expressions over a service date
 * and the session's start/end: numbers for day D open at the rule's release time on D − daysAhead
 * (rolling release, 滚动放号) and close `cutoffMinutes` before the session ends.
 */
export function sessionWindow(rule: BookingRule, serviceDate: string, endsAt: Date): { opensAt: Date; closesAt: Date } {
  const [h, m] = rule.releaseTime.split(':').map(Number);
  const day = new Date(`${serviceDate}T00:00:00+08:00`);
  const opensAt = new Date(day.getTime() - rule.daysAhead * 86_400_000 + (h * 60 + m) * 60_000);
  const closesAt = new Date(endsAt.getTime() - rule.cutoffMinutes * 60_000);
  return { opensAt, closesAt };
}

/** a local date and "HH:MM" time in the hospital's zone */
export function localInstant(date: string, time: string): Date {
  if (HOSPITAL_TZ !== 'Asia/Shanghai') throw new Error('only UTC+8 is supported');
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}
