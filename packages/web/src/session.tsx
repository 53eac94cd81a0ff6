import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError, onUnauthorized, type ApiError } from './api';
import { useLang } from './i18n';
import { hasPermission } from './permissions';
import { sameId, type Assignment, type PermissionRequirement, type SessionInfo } from './types';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated' | 'unreachable';

/** Why the user is back on the login page, so it can say so. */
export type SignOutReason = 'expired' | 'idle' | 'logout' | null;

interface SessionContextValue {
  status: SessionStatus;
  session: SessionInfo | null;
  signOutReason: SignOutReason;
  loadError: ApiError | null;
  setSession: (session: SessionInfo | null) => void;
  refresh: () => Promise<SessionInfo | null>;
  logout: (reason?: SignOutReason) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [session, setSessionState] = useState<SessionInfo | null>(null);
  const [signOutReason, setSignOutReason] = useState<SignOutReason>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  const setSession = useCallback((next: SessionInfo | null) => {
    setSessionState(next);
    setStatus(next ? 'authenticated' : 'anonymous');
    if (next) setSignOutReason(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<SessionInfo>('/api/auth/me');
      setSession(me);
      setLoadError(null);
      return me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setSession(null);
        return null;
      }
      if (isApiError(error)) setLoadError(error);
      setStatus('unreachable');
      return null;
    }
  }, [setSession]);

  const logout = useCallback(
    async (reason: SignOutReason = 'logout') => {
      try {
        await api.post('/api/auth/logout');
      } catch {
        // the session may already be gone; the client forgets it either way
      }
      setSignOutReason(reason);
      setSession(null);
    },
    [setSession],
  );

  // role and institution names in the session are localised by the server
  const lang = useLang();
  useEffect(() => {
    void refresh();
  }, [refresh, lang]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setSignOutReason('expired');
        setSession(null);
      }),
    [setSession],
  );

  const value = useMemo<SessionContextValue>(
    () => ({ status, session, signOutReason, loadError, setSession, refresh, logout }),
    [status, session, signOutReason, loadError, setSession, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionContext must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session. Only call inside pages rendered behind the login guard. */
export function useSession(): SessionInfo {
  const { session } = useSessionContext();
  if (!session) throw new Error('useSession called without a signed-in user');
  return session;
}

/** Returns a checker: can(permission) → whether the current role grants it. */
export function useCan(): (required?: PermissionRequirement) => boolean {
  const { session } = useSessionContext();
  const granted = session?.permissions;
  return useCallback((required?: PermissionRequirement) => hasPermission(granted, required), [granted]);
}

export function useCurrentAssignment(): Assignment | undefined {
  const { session } = useSessionContext();
  return session?.assignments.find((a) => sameId(a.id, session.currentAssignmentId));
}
