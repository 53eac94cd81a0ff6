import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Result, Spin } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueMessages } from '../messages';
import type { MyQueueView } from '../types';
import { PortalError, portalQueueApi } from './portalApi';
import { CheckinBlock, Shell } from './MyQueuePage';
import { localTime } from './time';
import './patient.css';

/**
 * /m/checkin/:appointmentId — where the booking's QR code leads on the patient's phone: check in
 * (within the window), then on to the live place in the queue. Already checked in: straight there.
 */
export default function CheckinPage() {
  const { appointmentId = '' } = useParams();
  const navigate = useNavigate();
  const m = useMessages(queueMessages);
  const p = m.patient;
  const [view, setView] = useState<MyQueueView | null>(null);
  const [error, setError] = useState<PortalError | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queuePath = `/m/queue/${encodeURIComponent(appointmentId)}`;

  useEffect(() => {
    document.title = p.checkinTitle;
    portalQueueApi.mine(appointmentId).then((v) => (v.entry ? navigate(queuePath, { replace: true }) : setView(v)), (e: PortalError) => setError(e));
  }, [appointmentId, navigate, queuePath, p.checkinTitle]);

  if (error && error.status !== 401) return <Shell title={p.checkinTitle}><Result status="warning" title={error.status === 404 ? p.notFound : error.title || m.display.offline} /></Shell>;
  if (!view) return <Shell title={p.checkinTitle}><Spin style={{ marginTop: 48 }} /></Shell>;

  const checkIn = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await portalQueueApi.checkIn(appointmentId);
      navigate(queuePath, { replace: true });
    } catch (e) {
      if (e instanceof PortalError && e.status !== 401) setRefusal(e.title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Shell title={p.checkinTitle}>
      <div className="mq-card">
        <div className="mq-row"><span>{p.appointment}</span><span>{view.departmentName} · {view.resourceName}</span></div>
        <div className="mq-row"><span>{p.time}</span><span>{view.serviceDate} {localTime(view.startsAt)} · {m.ticket(view.seq)}</span></div>
        {view.roomName ? <div className="mq-row"><span>{p.room}</span><span>{view.roomName}</span></div> : null}
      </div>
      <div className="mq-card">
        <CheckinBlock view={view} busy={busy} onCheckIn={checkIn} />
        {refusal ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={refusal} data-testid="checkin-refused" /> : null}
      </div>
    </Shell>
  );
}
