import type { ExternalChannel } from '@kangyun/kernel';
import { errorText } from './errors.js';

/**
 * The one contract the platform speaks to SMS and WeChat gateways (a service on the hospital
 * network that forwards to the carrier's SMS platform or WeChat template messages):
 *
 *   POST <url>   Authorization: Bearer <key>   Idempotency-Key: kangyun-<id>   Content-Type: application/json
 *   { "id": "123", "channel": "sms", "to": "13800000000", "title": "…", "body": "…", "kind": "appointment.booked", "link": null }
 *
 * Any 2xx answer means accepted; a JSON answer's `id`, `messageId` or `ref` is kept as the
 * provider's reference. Anything else (non-2xx, timeout, connection failure) is retried later.
 * `id` is the same on every retry of one message, so a gateway can drop duplicates.
 */
export interface GatewayMessage {
  id: string;
  channel: ExternalChannel;
  to: string;
  title: string;
  body: string;
  kind: string;
  link: string | null;
}

export interface GatewayConfig {
  url: string;
  key: string | null;
  timeoutMs: number;
}

export type GatewayResult =
  | { ok: true; status: number; providerRef: string | null; elapsedMs: number }
  | { ok: false; status: number | null; error: string; elapsedMs: number };

const SNIPPET = 200;

function providerRefOf(text: string): string | null {
  try {
    const json = JSON.parse(text) as Record<string, unknown> | null;
    if (!json || typeof json !== 'object') return null;
    const ref = json.id ?? json.messageId ?? json.ref ?? json.providerRef;
    return ref === undefined || ref === null || ref === '' ? null : String(ref).slice(0, 200);
  } catch {
    return null;
  }
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

export async function postToGateway(fetchImpl: typeof fetch, config: GatewayConfig, message: GatewayMessage): Promise<GatewayResult> {
  const started = Date.now();
  const signal = AbortSignal.timeout(config.timeoutMs);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': `kangyun-${message.id}` };
  if (config.key) headers.authorization = `Bearer ${config.key}`;
  try {
    const res = await fetchImpl(config.url, { method: 'POST', headers, body: JSON.stringify(message), signal, redirect: 'error' });
    const text = await res.text();
    const elapsedMs = Date.now() - started;
    if (res.ok) return { ok: true, status: res.status, providerRef: providerRefOf(text), elapsedMs };
    const snippet = text.replace(/\s+/g, ' ').trim().slice(0, SNIPPET);
    return { ok: false, status: res.status, error: errorText('http_status', `${res.status}${snippet ? ` ${snippet}` : ''}`), elapsedMs };
  } catch (err) {
    const elapsedMs = Date.now() - started;
    if (signal.aborted) return { ok: false, status: null, error: errorText('timeout', String(config.timeoutMs)), elapsedMs };
    return { ok: false, status: null, error: errorText('network', networkReason(err)), elapsedMs };
  }
}
