import { Alert, Button, Flex, Input, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { ProblemAlert } from '../components/ProblemAlert';
import { TotpEnrolment } from '../components/TotpEnrolment';
import { useFeedback } from '../feedback';
import { useRequest } from '../hooks/useRequest';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';
import { useSession, useSessionContext } from '../session';
import type { TotpSetup } from '../types';

function Enrol({ onDone }: { onDone: () => void }) {
  const m = useMessages(shellMessages);
  const setup = useRequest(() => api.post<TotpSetup>('/api/auth/totp/setup'), []);
  const [code, setCode] = useState('');
  const [saving, setSaving] = useState(false);
  const { fail } = useFeedback();

  const enable = async (value = code) => {
    if (value.length !== 6) return;
    setSaving(true);
    try {
      await api.post('/api/auth/totp/enable', { code: value });
      onDone();
    } catch (error) {
      setCode('');
      fail(error);
    } finally {
      setSaving(false);
    }
  };

  if (setup.loading) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (setup.error || !setup.data) return <ProblemAlert error={setup.error} onRetry={setup.reload} />;
  return (
    <>
      <Alert type="info" showIcon title={m.totpVoluntaryHint} style={{ marginBottom: 16 }} />
      <TotpEnrolment setup={setup.data} />
      <Flex vertical align="center" gap={12}>
        <Input.OTP
          length={6}
          value={code}
          onChange={(value) => {
            setCode(value);
            void enable(value);
          }}
          autoFocus
          aria-label={m.totpCode}
        />
        <Button type="primary" loading={saving} disabled={code.length !== 6} onClick={() => void enable()}>
          {m.totpEnable}
        </Button>
      </Flex>
    </>
  );
}

export function TotpSetupModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const m = useMessages(shellMessages);
  const session = useSession();
  const { refresh } = useSessionContext();
  const { message } = useFeedback();
  const [enrolling, setEnrolling] = useState(false);
  useEffect(() => {
    if (open) setEnrolling(!session.totpEnabled);
  }, [open, session.totpEnabled]);

  return (
    <Modal open={open} title={session.totpEnabled ? m.twoFactor : m.totpEnableTitle} footer={null} onCancel={onClose} destroyOnHidden width={440}>
      {enrolling ? (
        <Enrol
          onDone={() => {
            message.success(m.totpEnabledDone);
            void refresh();
            onClose();
          }}
        />
      ) : (
        <Alert type="success" showIcon title={m.totpEnabledAlready} />
      )}
    </Modal>
  );
}
