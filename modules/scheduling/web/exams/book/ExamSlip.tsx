import { Button, Modal } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { QRCodeSVG } from 'qrcode.react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { checkinUrl, hhmm } from '../format';
import { examMessages } from '../messages';
import type { ExamAppointment } from '../types';
import '../exams.css';

/** Prints only the slip: a body class switches the print stylesheet to it for this one print. */
function printSlip(): void {
  document.body.classList.add('printing-exam-slip');
  const done = () => {
    document.body.classList.remove('printing-exam-slip');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  window.setTimeout(done, 1000);
}

/** 检查预约单: every booked exam of the plan with its time, room, number, check-in QR code and preparation */
export function ExamSlip({ appointments }: { appointments: ExamAppointment[] }) {
  const m = useMessages(examMessages);
  const first = appointments[0];
  if (!first) return null;
  return (
    <div className="exam-slip" data-testid="exam-slip">
      <h3>{first.institutionName}</h3>
      <div className="slip-sub">{m.slipTitle} · {first.patientName}</div>
      {appointments.map((a) => (
        <div className="slip-visit" key={a.id}>
          <table>
            <tbody>
              <tr><td>{m.slipTime}</td><td><b>{a.serviceDate} {hhmm(a.startsAt)}–{hhmm(a.endsAt)}</b></td></tr>
              <tr><td>{m.slipPlace}</td><td>{a.departmentName} {a.room ?? a.resourceName}</td></tr>
              <tr><td>{m.slipItems}</td><td>{a.examItems.map((i) => i.name).join('、')}（{m.slipNumber(a.seq)}）</td></tr>
            </tbody>
          </table>
          <div className="slip-qr">
            <QRCodeSVG value={checkinUrl(a.id)} size={96} marginSize={1} title={checkinUrl(a.id)} data-testid="exam-slip-qr" data-value={checkinUrl(a.id)} />
          </div>
          <div className="slip-prep">
            <b>{m.prep}：</b>
            {a.examItems.map((i) => <div key={i.id}>{i.name}：{i.preparation || m.noPrep}</div>)}
          </div>
        </div>
      ))}
      <div className="slip-notes">{m.slipScan}。{m.slipArrive}</div>
    </div>
  );
}

export function ExamSlipModal({ appointments, onClose }: { appointments: ExamAppointment[] | null; onClose: () => void }) {
  const m = useMessages(examMessages);
  return (
    <Modal open={!!appointments} title={m.slipTitle} onCancel={onClose} width={460} destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>{m.close}</Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} autoFocus onClick={printSlip} data-testid="exam-slip-print">{m.print}</Button>,
      ]}>
      {appointments ? <ExamSlip appointments={appointments} /> : null}
    </Modal>
  );
}
