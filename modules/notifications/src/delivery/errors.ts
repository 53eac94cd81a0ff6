import { t, type Lang } from '@kangyun/kernel';

/** Why a delivery failed, stored in notification_outbox.last_error as `code` or `code: detail`. */
export type DeliveryErrorCode = 'no_provider' | 'provider_disabled' | 'no_address' | 'bad_address' | 'bad_key' | 'http_status' | 'timeout' | 'network';

export function errorText(code: DeliveryErrorCode, detail?: string): string {
  const text = detail ? `${code}: ${detail}` : code;
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

/** The stored reason in the caller's language, for the delivery list. */
export function describeError(lastError: string | null, channel: string, lang: Lang): string | null {
  if (!lastError) return null;
  const m = /^([a-z_]+)(?::\s?([\s\S]*))?$/.exec(lastError);
  if (!m) return lastError;
  const key = `notification.error.${m[1]}`;
  const text = t(key, lang, { detail: m[2] ?? '', channel: t(`notification.channel.${channel}`, lang) });
  return text === key ? lastError : text;
}
