import { useEffect, useRef, useState } from 'react';

export type StreamStatus = 'connecting' | 'open' | 'down' | 'stopped';

export interface EventStreamOptions {
  /** null: not connected */
  url: string | null;
  /** event name → handler (the latest handlers are used; no reconnect when they change) */
  handlers: Record<string, (data: unknown, lastEventId: string) => void>;
  /**
   * The stream was refused (not a network drop: e.g. 401). Decide whether to try again; a revoked
   * display device says 'stop'.
   */
  onRefused?: () => Promise<'retry' | 'stop'>;
  /** no message (heartbeats come every 15 s) for this long: the connection is dead, reopen it */
  silenceMs?: number;
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];

/**
 * A Server-Sent Events stream that stays up: EventSource reconnects by itself after a drop and
 * sends Last-Event-ID; when it gives up (an error answer, a proxy in between) or the line goes
 * silent, the stream is reopened with ?lastEventId= so the server sends a fresh snapshot and the
 * calls missed meanwhile. When the browser reports the network gone, the stream is closed and
 * reopened the moment it is back.
 */
export function useEventStream({ url, handlers, onRefused, silenceMs = 45_000 }: EventStreamOptions): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const refusedRef = useRef(onRefused);
  refusedRef.current = onRefused;

  useEffect(() => {
    if (!url) {
      setStatus('stopped');
      return;
    }
    let source: EventSource | null = null;
    let lastId = '';
    let attempt = 0;
    let stopped = false;
    let retryTimer: number | undefined;
    let lastMessage = Date.now();

    const open = () => {
      if (stopped) return;
      window.clearTimeout(retryTimer);
      source?.close();
      const address = lastId ? `${url}${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastId)}` : url;
      const es = new EventSource(address);
      source = es;
      setStatus('connecting');
      lastMessage = Date.now();
      es.onopen = () => {
        attempt = 0;
        lastMessage = Date.now();
        setStatus('open');
      };
      const names = new Set([...Object.keys(handlersRef.current), 'hb']);
      for (const name of names) {
        es.addEventListener(name, (event) => {
          const e = event as MessageEvent<string>;
          lastMessage = Date.now();
          if (e.lastEventId) lastId = e.lastEventId;
          const handler = handlersRef.current[name];
          if (!handler) return;
          try {
            handler(JSON.parse(e.data), e.lastEventId);
          } catch (error) {
            console.warn(`[stream] ${name} handler failed`, error);
          }
        });
      }
      es.onerror = () => {
        if (es !== source) return;
        if (es.readyState === EventSource.CONNECTING) {
          setStatus('down'); // the browser is retrying by itself
          return;
        }
        // closed for good by the browser: ask why, then try again later (or stop)
        setStatus('down');
        es.close();
        const decide = refusedRef.current ? refusedRef.current() : Promise.resolve<'retry' | 'stop'>('retry');
        void decide.catch(() => 'retry' as const).then((what) => {
          if (stopped || es !== source) return;
          if (what === 'stop') {
            stopped = true;
            setStatus('stopped');
            return;
          }
          retryTimer = window.setTimeout(open, BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]);
        });
      };
    };

    const watchdog = window.setInterval(() => {
      if (!stopped && navigator.onLine && Date.now() - lastMessage > silenceMs) open();
    }, 5000);
    const online = () => {
      if (!stopped && source?.readyState !== EventSource.OPEN) open();
    };
    // the system says the network is gone: the stream is dead whatever the socket thinks; wait for 'online'
    const offline = () => {
      if (stopped) return;
      window.clearTimeout(retryTimer);
      source?.close();
      source = null;
      setStatus('down');
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    open();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      window.clearInterval(watchdog);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      source?.close();
    };
  }, [url, silenceMs]);

  return status;
}
