import { Button, Flex, Result, Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '@kangyun/web-shell/api';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { portalMessages } from './messages';
import { portalApi } from './api';
import type { PortalPatient } from './types';

interface PatientContextValue {
  me: PortalPatient;
  setMe(me: PortalPatient): void;
  signOut(): Promise<void>;
}

const PatientContext = createContext<PatientContextValue | null>(null);

/** kept across the phone pages so moving between them does not re-verify every time */
let cached: PortalPatient | null = null;
export function rememberPatient(me: PortalPatient | null): void {
  cached = me;
}

export function loginPath(next: string): string {
  return `/m/login?next=${encodeURIComponent(next)}`;
}

/** Phone pages of the signed-in patient: verifies the portal session, else sends them to /m/login and back. */
export function RequirePatient({ children }: { children: ReactNode }) {
  const location = useLocation();
  const m = useMessages(portalMessages);
  const [attempt, setAttempt] = useState(0);
  const [me, setMeState] = useState<PortalPatient | null>(cached);
  const [state, setState] = useState<'loading' | 'ok' | 'anonymous' | 'error'>(cached ? 'ok' : 'loading');
  const setMe = useCallback((next: PortalPatient) => { rememberPatient(next); setMeState(next); }, []);

  useEffect(() => {
    if (cached) return;
    const controller = new AbortController();
    portalApi.me(controller.signal).then((found) => {
      rememberPatient(found);
      setMeState(found);
      setState('ok');
    }).catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setState(isApiError(error) && error.status === 401 ? 'anonymous' : 'error');
    });
    return () => controller.abort();
  }, [attempt]);

  const signOut = useCallback(async () => {
    await portalApi.logout().catch(() => undefined);
    rememberPatient(null);
    setMeState(null);
    setState('anonymous');
  }, []);

  if (state === 'anonymous') return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (state === 'error') {
    return (
      <Result status="warning" title={m.loading} extra={<Button type="primary" size="large" onClick={() => { setState('loading'); setAttempt((n) => n + 1); }}>{m.retry}</Button>} />
    );
  }
  if (state === 'loading' || !me) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  return <PatientContext.Provider value={{ me, setMe, signOut }}>{children}</PatientContext.Provider>;
}

export function usePatient(): PatientContextValue {
  const value = useContext(PatientContext);
  if (!value) throw new Error('usePatient outside <RequirePatient>');
  return value;
}

export function useOptionalPatient(): PatientContextValue | null {
  return useContext(PatientContext);
}

/**
 * Shows a failed request; an expired or revoked portal session (401) goes to sign-in and comes
 * back to the same page afterwards.
 */
export function usePortalFailure(): (error: unknown) => void {
  const { fail } = useFeedback();
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback((error: unknown) => {
    if (isApiError(error) && error.status === 401) {
      rememberPatient(null);
      navigate(loginPath(location.pathname + location.search), { replace: true });
      return;
    }
    fail(error);
  }, [fail, navigate, location.pathname, location.search]);
}
