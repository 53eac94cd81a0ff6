import { Alert, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api, isApiError, type ApiError } from '../api';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { useMessages } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { LogoMark } from '../layout/Logo';
import { shellMessages } from '../messages';
import { useSessionContext } from '../session';
import type { LoginResponse, TotpSetup } from '../types';
import { CredentialsStep, type Credentials } from './login/CredentialsStep';
import { LoginBrand } from './login/LoginBrand';
import { TotpStep } from './login/TotpStep';

type Step = { kind: 'credentials' } | { kind: 'totp'; setup?: TotpSetup } | { kind: 'password' };

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function Login() {
  const m = useMessages(shellMessages);
  const { status, setSession, refresh, signOutReason } = useSessionContext();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (status === 'authenticated' && step.kind === 'credentials') return <Navigate to={next} replace />;

  const enter = async (response?: LoginResponse) => {
    const session = response?.session ?? (await refresh());
    if (session) {
      setSession(session);
      navigate(next, { replace: true });
    }
  };

  const handle = async (response: LoginResponse) => {
    switch (response.status) {
      case 'ok':
        await enter(response);
        break;
      case 'totp_required':
        setStep({ kind: 'totp' });
        break;
      case 'totp_setup_required':
        setStep({ kind: 'totp', setup: response.totpSetup });
        break;
      case 'password_change_required':
        setStep({ kind: 'password' });
        break;
    }
  };

  const login = async (creds: Credentials, totpCode?: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const response = await api.post<LoginResponse>('/api/auth/login', { username: creds.username.trim(), password: creds.password, totpCode });
      await handle(response);
      return true;
    } catch (err) {
      if (isApiError(err)) setError(err);
      if (isApiError(err) && (err.code === 'invalid_credentials' || err.code === 'account_locked')) {
        setStep({ kind: 'credentials' });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const afterPasswordChange = async (newPassword: string) => {
    const session = await refresh();
    if (session && !session.mustChangePassword) {
      navigate(next, { replace: true });
      return;
    }
    // The restricted session did not become a full one: sign in again with the new password.
    if (credentials) {
      const creds = { ...credentials, password: newPassword };
      setCredentials(creds);
      setStep({ kind: 'credentials' });
      await login(creds);
    }
  };

  const reasonText = signOutReason === 'expired' ? m.expired : signOutReason === 'idle' ? m.idle : signOutReason === 'logout' ? m.loggedOut : null;
  const title = step.kind === 'credentials' ? m.loginWelcome : step.kind === 'totp' ? (step.setup ? m.totpSetupTitle : m.totpTitle) : m.mustChangeTitle;

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <LoginBrand />
      <Flex className="login-panel" vertical justify="center" align="center">
        <div className="login-mobile-brand">
          <LogoMark size={32} />
          <span className="login-mobile-name">{m.appName}</span>
          <span className="login-mobile-sub">{m.appSubtitle}</span>
        </div>
        <Card className="login-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {reasonText && step.kind === 'credentials' && !error ? (
            <Alert type={signOutReason === 'logout' ? 'success' : 'warning'} showIcon title={reasonText} style={{ marginBottom: 16 }} />
          ) : null}
          {error ? (
            <Alert
              type={error.code === 'account_locked' ? 'warning' : 'error'}
              showIcon
              title={error.detail || error.title}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          ) : null}
          {step.kind === 'credentials' ? (
            <CredentialsStep
              initial={credentials ? { username: credentials.username } : undefined}
              busy={busy}
              onSubmit={(values) => {
                setCredentials(values);
                void login(values);
              }}
            />
          ) : null}
          {step.kind === 'totp' && credentials ? (
            <TotpStep
              setup={step.setup}
              busy={busy}
              onSubmit={(code) => login(credentials, code)}
              onBack={() => {
                setError(null);
                setStep({ kind: 'credentials' });
              }}
            />
          ) : null}
          {step.kind === 'password' && credentials ? (
            <>
              <Alert type="warning" showIcon title={m.mustChangeHint} style={{ marginBottom: 16 }} />
              <PasswordChangeForm currentPassword={credentials.password} onDone={(pw) => void afterPasswordChange(pw)} />
            </>
          ) : null}
        </Card>
      </Flex>
    </div>
  );
}
