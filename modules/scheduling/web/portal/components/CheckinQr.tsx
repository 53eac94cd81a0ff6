import { QRCodeSVG } from 'qrcode.react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { portalMessages } from '../messages';

/** QR code of the check-in page of a booking: scanned at the hospital's check-in point or kiosk */
export function CheckinQr({ path, size = 168 }: { path: string; size?: number }) {
  const m = useMessages(portalMessages);
  const url = `${window.location.origin}${path}`;
  return (
    <div className="m-qr">
      <QRCodeSVG value={url} size={size} marginSize={2} title={url} data-testid="checkin-qr" data-value={url} />
      <span className="m-row-sub" style={{ textAlign: 'center' }}>{m.qrHint}</span>
    </div>
  );
}
