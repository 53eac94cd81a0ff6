import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;

/**
 * Tracks user activity. `remaining` becomes a countdown in the last `warnSeconds` before
 * the timeout, and `onTimeout` fires when the user has been idle for `timeoutSeconds`.
 * A timeout of 0 or less disables tracking.
 */
export function useIdleTimeout(timeoutSeconds: number, onTimeout: () => void, warnSeconds = 60) {
  const lastActivity = useRef(Date.now());
  const [remaining, setRemaining] = useState<number | null>(null);
  const timeoutRef = useRef(onTimeout);
  timeoutRef.current = onTimeout;

  useEffect(() => {
    if (!timeoutSeconds || timeoutSeconds <= 0) return;
    lastActivity.current = Date.now();
    const markActive = () => {
      lastActivity.current = Date.now();
    };
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, markActive, { passive: true, capture: true }));
    const timer = window.setInterval(() => {
      const idle = (Date.now() - lastActivity.current) / 1000;
      const left = Math.ceil(timeoutSeconds - idle);
      if (left <= 0) {
        window.clearInterval(timer);
        setRemaining(null);
        timeoutRef.current();
        return;
      }
      setRemaining(left <= Math.min(warnSeconds, timeoutSeconds / 2) ? left : null);
    }, 1000);
    return () => {
      window.clearInterval(timer);
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, markActive, { capture: true }));
    };
  }, [timeoutSeconds, warnSeconds]);

  const stayActive = () => {
    lastActivity.current = Date.now();
    setRemaining(null);
  };
  return { remaining, stayActive };
}
