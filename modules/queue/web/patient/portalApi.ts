import type { CheckinResult, MyQueueView } from '../types';

export class PortalError extends Error {
  constructor(readonly status: number, readonly title: string, readonly code: string) {
    super(title);
  }
}

/** where a signed-out patient goes: the portal's sign-in page, coming back here afterwards */
export function signIn(): void {
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/m/login?next=${encodeURIComponent(next)}`);
}

async function send<T>(method: string, path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': document.documentElement.lang || 'zh-CN' } });
  } catch {
    throw new PortalError(0, '', 'network');
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 401) {
    signIn();
    throw new PortalError(401, String(body.title ?? ''), 'signin');
  }
  if (!res.ok) throw new PortalError(res.status, String(body.title ?? res.statusText), String(body.code ?? res.status));
  return body as T;
}

/** the patient's own booking and place (portal session cookie) */
export const portalQueueApi = {
  mine: (appointmentId: string) => send<MyQueueView>('GET', `/api/portal/queue/${encodeURIComponent(appointmentId)}`),
  checkIn: (appointmentId: string) => send<CheckinResult>('POST', `/api/portal/queue/checkin/${encodeURIComponent(appointmentId)}`),
  streamUrl: (appointmentId: string) => `/api/portal/queue/stream/${encodeURIComponent(appointmentId)}`,
};
