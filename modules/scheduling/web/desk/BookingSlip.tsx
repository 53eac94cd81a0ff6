import { Button, Modal } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { QRCodeSVG } from 'qrcode.react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { hhmm, localDay, segment, weekday } from './format';
import { deskMessages } from './messages';
import type { Appointment } from './types';
import './desk.css';

/** the check-in page a patient's phone or the kiosk opens from the slip's QR code */
export const checkinUrl = (appointmentId: number) => `${window.location.origin}/m/checkin/${appointmentId}`;

/** Prints only the slip: a body class switches the print stylesheet to it for this one print. */
export function printSlip(): void {
  document.body.classList.add('printing-slip');
  const done = () => {
    document.body.classList.remove('printing-slip');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // browsers without afterprint (or a blocked dialog) still get the class removed
  window.setTimeout(done, 1000);
}

/** 预约凭条: what the patient takes home — where, when, which number, and the check-in QR code. */
export function BookingSlip({ appointment: a }: { appointment: Appointment }) {
  const m = useMessages(deskMessages);
  const url = checkinUrl(a.id);
  return (
    <div className="booking-slip" data-testid="booking-slip">
      <h3>{a.institutionName}</h3>
      <div className="slip-sub">{m.slipTitle}</div>
      <table>
        <tbody>
          <tr><td>{m.department}</td><td><b>{a.departmentName}</b>{a.clinicLevel ? ` · ${m.levels[a.clinicLevel]}` : ''}</td></tr>
          <tr><td>{m.slipDoctor}</td><td>{a.practitionerName ?? a.resourceName}</td></tr>
          <tr><td>{m.slipTime}</td><td><b>{a.serviceDate}</b> {m.weekdays[weekday(a.serviceDate)]} {m.periods[a.period] ?? ''} {segment(a.startsAt, a.endsAt)}</td></tr>
        </tbody>
      </table>
      <div className="slip-number" data-testid="slip-number">{m.slipNumber(a.seq)}</div>
      <table>
        <tbody>
          <tr><td>{m.slipRoom}</td><td>{a.room ?? '—'}</td></tr>
          <tr><td>{m.slipFee}</td><td>{m.fee(a.fee)}</td></tr>
          <tr><td>{m.slipPatient}</td><td data-testid="slip-patient">{a.patientName}</td></tr>
          <tr><td>{m.slipChannel}</td><td>{m.channels[a.channel] ?? a.channel}</td></tr>
          <tr><td>{m.slipBookedAt}</td><td>{localDay(a.createdAt)} {hhmm(a.createdAt)}</td></tr>
          <tr><td>{m.slipNo}</td><td>{a.id}</td></tr>
        </tbody>
      </table>
      <div className="slip-qr">
        <QRCodeSVG value={url} size={112} marginSize={1} title={url} data-testid="slip-qr" data-value={url} />
        <div>{m.slipScan}</div>
      </div>
      <div className="slip-notes">
        <b>{m.slipNotes}</b>
        <ol>{m.slipNoteLines.map((line) => <li key={line}>{line}</li>)}</ol>
      </div>
    </div>
  );
}

/** Preview of the slip with a print button (the button is focused, so Enter prints). */
export function SlipModal({ appointment, onClose }: { appointment: Appointment | null; onClose: () => void }) {
  const m = useMessages(deskMessages);
  return (
    <Modal
      open={!!appointment}
      title={m.slipTitle}
      onCancel={onClose}
      width={420}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>{m.back}</Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} autoFocus onClick={printSlip} data-testid="slip-print">{m.print}</Button>,
      ]}
    >
      {appointment ? <BookingSlip appointment={appointment} /> : null}
    </Modal>
  );
}
