import { Flex, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientMessages } from '../messages';
import type { Id } from '../types';

/** QR code of this page's address, for wristbands, folders and handing over on a phone. */
export function PatientQrCode({ patientId, size = 132 }: { patientId: Id; size?: number }) {
  const m = useMessages(patientMessages);
  const url = `${window.location.origin}/patients/${encodeURIComponent(patientId)}`;
  return (
    <Flex vertical align="center" gap={6}>
      <QRCodeSVG value={url} size={size} marginSize={1} title={url} data-testid="patient-qr" />
      <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
        {m.qrHint}
      </Typography.Text>
    </Flex>
  );
}
