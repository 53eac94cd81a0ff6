import { useEffect, useState, type ReactNode } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueMessages } from '../messages';
import type { StreamStatus } from '../stream/useEventStream';
import type { CallInfo } from '../types';
import type { DeviceState } from './useDisplay';
import './display.css';

/** the clock of the screen, set by the server's time (a display PC's clock may be off) */
export function Clock({ serverTime }: { serverTime: string | undefined }) {
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (serverTime) setOffset(Date.parse(serverTime) - Date.now());
  }, [serverTime]);
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  const d = new Date(now + offset);
  return <span className="qd-clock">{d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}</span>;
}

/** the full-screen frame: header (title, clock, connection, voice), offline notice, latest-call banner */
export function DisplayFrame({ className, title, serverTime, status, voice, flash, flashText, children }: {
  className?: string;
  title: ReactNode;
  serverTime?: string;
  status: StreamStatus;
  voice: { enabled: boolean; unlocked: boolean; unlock: () => void };
  flash: CallInfo | null;
  flashText: (call: CallInfo) => string;
  children: ReactNode;
}) {
  const m = useMessages(queueMessages).display;
  const recent = useRecent(flash, 12_000);
  return (
    <div className={`qd ${className ?? ''}`} data-testid="display" data-status={status}>
      <header className="qd-header">
        <span className="qd-title">{title}</span>
        {voice.enabled ? (
          <button type="button" className="qd-voice" data-testid="display-voice" data-on={voice.unlocked} onClick={voice.unlock}>
            {voice.unlocked ? m.voiceOn : m.enableVoice}
          </button>
        ) : null}
        <Clock serverTime={serverTime} />
        <span className="qd-dot" data-status={status} data-testid="display-status" />
      </header>
      {status === 'down' ? <div className="qd-offline" data-testid="display-offline">{m.offline}</div> : null}
      {recent ? <div className="qd-banner" data-testid="latest-call" key={recent.callId}>{flashText(recent)}</div> : null}
      {children}
    </div>
  );
}

/** the latest call, for `ms` after it came */
function useRecent(call: CallInfo | null, ms: number): CallInfo | null {
  const [shown, setShown] = useState<CallInfo | null>(null);
  useEffect(() => {
    if (!call) return;
    setShown(call);
    const t = window.setTimeout(() => setShown(null), ms);
    return () => window.clearTimeout(t);
  }, [call, ms]);
  return shown;
}

/** revoked, unregistered, or still connecting */
export function DisplayNotice({ device, connecting }: { device: DeviceState; connecting: boolean }) {
  const m = useMessages(queueMessages).display;
  if (device === 'ok' && !connecting) return null;
  const [title, hint] = device === 'revoked' ? [m.revoked, m.revokedHint]
    : device === 'no_token' || device === 'unknown' ? [m.noToken, m.noTokenHint] : [m.waitingFor, ''];
  return (
    <div className="qd">
      <div className="qd-center" data-testid="display-notice" data-device={device}>
        <h1>{title}</h1>
        {hint ? <p>{hint}</p> : null}
      </div>
    </div>
  );
}
