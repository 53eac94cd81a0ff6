import { Flex, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';
import type { TotpSetup } from '../types';

/** QR code of the otpauth:// URL plus the secret for manual entry. */
export function TotpEnrolment({ setup }: { setup: TotpSetup }) {
  const m = useMessages(shellMessages);
  const grouped = setup.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
      <div style={{ background: '#fff', padding: 8, borderRadius: 8, border: '1px solid #f0f0f0' }}>
        <QRCodeSVG value={setup.otpauthUrl} size={168} marginSize={1} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {m.totpSecret}
      </Typography.Text>
      <Typography.Text code copyable={{ text: setup.secret }} style={{ fontSize: 13, letterSpacing: 1 }}>
        {grouped}
      </Typography.Text>
    </Flex>
  );
}
