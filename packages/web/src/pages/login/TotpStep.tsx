import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { TotpEnrolment } from '../../components/TotpEnrolment';
import { useMessages } from '../../i18n';
import { shellMessages } from '../../messages';
import type { TotpSetup } from '../../types';

/** Asks for the 6-digit code; with `setup`, first shows the QR code to enrol the authenticator. */
export function TotpStep({ setup, busy, onSubmit, onBack }: { setup?: TotpSetup; busy: boolean; onSubmit: (code: string) => Promise<boolean>; onBack: () => void }) {
  const m = useMessages(shellMessages);
  const [code, setCode] = useState('');

  const submit = async (value: string) => {
    if (value.length !== 6 || busy) return;
    const ok = await onSubmit(value);
    if (!ok) setCode('');
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {setup ? m.totpSetupHint : m.totpHint}
      </Typography.Paragraph>
      {setup ? <TotpEnrolment setup={setup} /> : null}
      <Flex vertical align="center" gap={8}>
        <Typography.Text strong>{m.totpCode}</Typography.Text>
        <Input.OTP
          length={6}
          size="large"
          value={code}
          autoFocus
          aria-label={m.totpCode}
          formatter={(text) => text.replace(/\D/g, '')}
          onChange={(value) => {
            setCode(value);
            void submit(value);
          }}
        />
      </Flex>
      <Button type="primary" size="large" block loading={busy} disabled={code.length !== 6} onClick={() => void submit(code)}>
        {setup ? m.totpBind : m.verify}
      </Button>
      <Button type="link" onClick={onBack}>
        {m.back}
      </Button>
    </Flex>
  );
}
