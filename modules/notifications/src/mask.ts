import type { ExternalChannel } from '@kangyun/kernel';

/** 138****5678 for a mobile number; the ends of anything else (a WeChat OpenID). */
export function maskDestination(channel: ExternalChannel, value: string): string {
  const v = value.trim();
  if (channel === 'sms' && /^\+?\d{7,}$/.test(v)) return `${v.slice(0, v.length - 8)}****${v.slice(-4)}`;
  if (v.length <= 8) return `${v.slice(0, 1)}****`;
  return `${v.slice(0, 4)}****${v.slice(-4)}`;
}
