import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '@kangyun/web-shell/api';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { setLang, useLang, useMessages } from '@kangyun/web-shell/i18n';
import { portalApi, type Credentials } from '../api';
import { MobileLayout } from '../components/MobileLayout';
import { portalMessages } from '../messages';
import { rememberPatient } from '../patient';

/** only our own phone pages are valid destinations after sign-in (no open redirect) */
function safeNext(next: string | null): string {
  return next && next.startsWith('/m/') && !next.startsWith('//') ? next : '/m/book';
}

const RESIDENT_ID = /^\d{17}[\dXx]$/;
const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;

/** /m/login: verify with name + document + mobile, or create a record on a first visit. */
export default function LoginPage() {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [mode, setMode] = useState<'signin' | 'register'>('signin');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [signInForm] = Form.useForm<Credentials>();
  const [registerForm] = Form.useForm<Credentials & { institutionId: number }>();
  const institutions = useRequest((signal) => portalApi.institutions(signal), [], { enabled: mode === 'register' });

  async function submit(action: () => Promise<Parameters<typeof rememberPatient>[0]>, form: typeof signInForm | typeof registerForm) {
    setProblem(null);
    setBusy(true);
    try {
      rememberPatient(await action());
      navigate(next, { replace: true });
    } catch (error) {
      const unmatched = applyFieldErrors(form as typeof signInForm, error);
      if (isApiError(error) && (!error.errors?.length || unmatched.length)) setProblem(unmatched.length ? unmatched.join('；') : error.display);
      else if (!isApiError(error)) setProblem(String(error));
    } finally {
      setBusy(false);
    }
  }

  const nameItem = (
    <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, message: m.required(m.name) }]}>
      <Input size="large" placeholder={m.namePlaceholder} autoComplete="name" maxLength={50} />
    </Form.Item>
  );
  const mobileItem = (
    <Form.Item name="mobile" label={m.mobile} rules={[{ required: true, message: m.required(m.mobile) }, { pattern: MOBILE, message: m.mobileInvalid }]}>
      <Input size="large" placeholder={m.mobilePlaceholder} inputMode="numeric" autoComplete="tel" maxLength={14} />
    </Form.Item>
  );

  return (
    <MobileLayout
      title={m.loginTitle}
      nav={false}
      extra={<Button type="link" onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}>{lang === 'zh-CN' ? 'EN' : '中文'}</Button>}
    >
      <div className="m-card">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {mode === 'signin' ? m.loginIntro : m.registerIntro}
        </Typography.Paragraph>
        <Segmented
          block
          size="large"
          value={mode}
          onChange={(v) => { setMode(v as 'signin' | 'register'); setProblem(null); }}
          options={[{ value: 'signin', label: m.tabSignIn }, { value: 'register', label: m.tabRegister }]}
          style={{ marginBottom: 16 }}
        />
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="login-problem" /> : null}
        {mode === 'signin' ? (
          <Form form={signInForm} name="portal-login" layout="vertical" requiredMark={false} initialValues={{ idType: 'resident_id' }}
            onFinish={(values) => submit(() => portalApi.login(values), signInForm)}>
            {nameItem}
            <Form.Item name="idType" label={m.idType}>
              <Select size="large" options={(['resident_id', 'passport', 'other'] as const).map((t) => ({ value: t, label: m.idTypes[t] }))} />
            </Form.Item>
            <Form.Item noStyle dependencies={['idType']}>
              {({ getFieldValue }) => (
                <Form.Item name="idNumber" label={m.idNumber} rules={[
                  { required: true, whitespace: true, message: m.required(m.idNumber) },
                  ...(getFieldValue('idType') === 'resident_id' ? [{ pattern: RESIDENT_ID, message: m.idInvalid }] : []),
                ]}>
                  <Input size="large" placeholder={getFieldValue('idType') === 'resident_id' ? m.idNumberPlaceholder : undefined} maxLength={30} autoComplete="off" />
                </Form.Item>
              )}
            </Form.Item>
            {mobileItem}
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>{m.signInButton}</Button>
          </Form>
        ) : (
          <Form form={registerForm} name="portal-register" layout="vertical" requiredMark={false}
            onFinish={(values) => submit(() => portalApi.register(values), registerForm)}>
            {nameItem}
            <Form.Item name="idNumber" label={m.idTypes.resident_id} rules={[{ required: true, message: m.required(m.idNumber) }, { pattern: RESIDENT_ID, message: m.idInvalid }]}>
              <Input size="large" placeholder={m.idNumberPlaceholder} maxLength={18} autoComplete="off" />
            </Form.Item>
            {mobileItem}
            <Form.Item name="institutionId" label={m.institution} rules={[{ required: true, message: m.institutionPlaceholder }]}>
              <Select size="large" placeholder={m.institutionPlaceholder} loading={institutions.loading}
                options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>{m.registerButton}</Button>
          </Form>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          <SafetyCertificateOutlined /> {m.privacy}
        </Typography.Paragraph>
      </div>
    </MobileLayout>
  );
}
