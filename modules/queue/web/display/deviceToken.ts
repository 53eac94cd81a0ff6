const STORAGE_KEY = 'kangyun.display.device';

/**
 * The screen's device token: taken from ?device= the first time the page is opened (then removed
 * from the address bar, so it does not linger in screenshots or history) and kept in localStorage,
 * so the screen comes back after a power cut or reload with the plain address.
 */
export function takeDeviceToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('device');
  if (fromUrl) {
    try {
      window.localStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // storage blocked: the address keeps working as long as it stays in the bar
      return fromUrl;
    }
    url.searchParams.delete('device');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export type DeviceCheck = 'ok' | 'revoked' | 'unknown' | 'unreachable';

/** asks the server what it thinks of the token (after the stream was refused, or on start) */
export async function checkDevice(token: string): Promise<DeviceCheck> {
  try {
    const res = await fetch('/api/queue/display/device', { headers: { 'x-display-device': token, accept: 'application/json' } });
    if (res.ok) return 'ok';
    if (res.status === 401) {
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      return body.code === 'device_revoked' ? 'revoked' : 'unknown';
    }
    return 'unreachable';
  } catch {
    return 'unreachable';
  }
}
