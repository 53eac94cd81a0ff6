import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueMessages } from '../messages';
import type { CheckinResult } from '../types';
import { checkDevice, takeDeviceToken } from './deviceToken';
import { DisplayNotice } from './DisplayParts';
import type { DeviceState } from './useDisplay';

const RESET_MS = 8000;

/**
 * 自助签到机: a barcode scanner types the booking slip's QR code (…/m/checkin/<id>) and Enter, or
 * the patient types the appointment number; the screen shows the ticket, then clears for the next.
 */
export default function KioskPage() {
  const m = useMessages(queueMessages);
  const [token] = useState(() => takeDeviceToken());
  const [device, setDevice] = useState<DeviceState>(token ? 'ok' : 'no_token');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CheckinResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (token) void checkDevice(token).then((c) => { if (c === 'revoked' || c === 'unknown') setDevice(c); });
  }, [token]);
  useEffect(() => {
    if (!result && !error) return;
    const t = window.setTimeout(() => { setResult(null); setError(null); input.current?.focus(); }, RESET_MS);
    return () => window.clearTimeout(t);
  }, [result, error]);

  if (device !== 'ok' || !token) return <DisplayNotice device={device} connecting={false} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim() || busy) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const res = await fetch('/api/queue/display/checkin', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-display-device': token, 'accept-language': 'zh-CN' },
        body: JSON.stringify({ code: code.trim() }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) setResult(body as CheckinResult);
      else if (res.status === 401 && body.code === 'device_revoked') setDevice('revoked');
      else setError(body.errors?.[0]?.message ?? body.title ?? String(res.status));
    } catch {
      setError(m.display.offline);
    } finally {
      setBusy(false);
      setCode('');
      input.current?.focus();
    }
  };

  const room = result ? (result.room ?? result.rooms[0] ?? result.queueName) : '';
  return (
    <div className="qd qd-kiosk">
      <div className="qd-center">
        <h1>{m.display.kioskTitle}</h1>
        <p>{m.display.kioskHint}</p>
        <form onSubmit={submit}>
          <input ref={input} autoFocus value={code} onChange={(e) => setCode(e.target.value)} placeholder={m.display.kioskInput} aria-label={m.display.kioskInput} data-testid="kiosk-code" />
        </form>
        {result ? <div className="qd-kiosk-result" data-testid="kiosk-result">{m.display.kioskOk(result.ticket, room)}</div> : null}
        {error ? <div className="qd-kiosk-error" data-testid="kiosk-error">{error}</div> : null}
      </div>
    </div>
  );
}
