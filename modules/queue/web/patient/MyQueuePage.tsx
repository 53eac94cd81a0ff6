import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Result, Spin, Tag } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueMessages } from '../messages';
import { useEventStream } from '../stream/useEventStream';
import type { MyQueueView } from '../types';
import { PortalError, portalQueueApi } from './portalApi';
import { localTime } from './time';
import './patient.css';

/**
 * 排队进度 on the patient's phone: the ticket, how many are ahead, the status, live; when called,
 * a big notice (and a vibration) says which room to go to. Not yet checked in: check in here.
 */
export default function MyQueuePage() {
  const { appointmentId = '' } = useParams();
  const m = useMessages(queueMessages);
  const p = m.patient;
  const [view, setView] = useState<MyQueueView | null>(null);
  const [error, setError] = useState<PortalError | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    document.title = p.title;
    portalQueueApi.mine(appointmentId).then(setView, (e: PortalError) => setError(e));
  }, [appointmentId, p.title]);

  const handlers = useMemo(() => ({
    me: (data: unknown) => {
      const next = data as MyQueueView;
      setView(next);
      if (next.calledNow && 'vibrate' in navigator) navigator.vibrate?.([400, 200, 400]);
    },
  }), []);
  const status = useEventStream({
    url: view ? portalQueueApi.streamUrl(appointmentId) : null,
    handlers,
    onRefused: async () => {
      try {
        await portalQueueApi.mine(appointmentId);
        return 'retry';
      } catch (e) {
        return e instanceof PortalError && (e.status === 401 || e.status === 404) ? 'stop' : 'retry';
      }
    },
  });

  if (error && error.status !== 401) return <Shell title={p.title}><Result status="warning" title={error.status === 404 ? p.notFound : error.title || m.display.offline} /></Shell>;
  if (!view) return <Shell title={p.title}><Spin style={{ marginTop: 48 }} /></Shell>;

  const checkIn = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await portalQueueApi.checkIn(appointmentId);
      setView(await portalQueueApi.mine(appointmentId));
    } catch (e) {
      if (e instanceof PortalError && e.status !== 401) setRefusal(e.title);
    } finally {
      setBusy(false);
    }
  };

  const entry = view.entry;
  return (
    <Shell title={p.title}>
      {entry && (entry.status === 'called' || entry.status === 'in_service') ? (
        <div className="mq-called" data-testid="my-called">
          <h2>{p.calledTitle}</h2>
          <p>{p.calledText(entry.calledRoomName ?? view.roomName ?? '')}</p>
        </div>
      ) : null}
      <div className="mq-card">
        {entry ? (
          <>
            <div className="mq-sub" style={{ textAlign: 'center' }}>{p.ticket}</div>
            <div className="mq-ticket" data-testid="my-ticket">{entry.ticket}</div>
            {entry.status === 'waiting' ? <div className="mq-ahead" data-testid="my-ahead">{m.ahead(entry.ahead)}</div> : null}
            {entry.status === 'missed' ? <Alert type="warning" showIcon title={p.missedText} /> : null}
            {entry.status === 'done' ? <Alert type="success" showIcon title={p.doneText} /> : null}
            {entry.status === 'on_hold' ? <Alert type="info" showIcon title={p.holdText} /> : null}
            <div className="mq-row"><span>{p.status}</span><span><Tag color="blue">{m.status[entry.status]}</Tag>{m.reason[entry.reason] ? <Tag>{m.reason[entry.reason]}</Tag> : null}</span></div>
            <div className="mq-row"><span>{p.room}</span><span>{entry.calledRoomName ?? view.roomName ?? entry.queueName}</span></div>
          </>
        ) : (
          <>
            <CheckinBlock view={view} busy={busy} onCheckIn={checkIn} />
            {refusal ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={refusal} /> : null}
          </>
        )}
      </div>
      <div className="mq-card">
        <div className="mq-row"><span>{p.appointment}</span><span>{view.departmentName} · {view.resourceName}</span></div>
        <div className="mq-row"><span>{p.time}</span><span>{view.serviceDate} {localTime(view.startsAt)} · {m.ticket(view.seq)}</span></div>
      </div>
      {entry ? <div className="mq-live" data-status={status}>{status === 'open' ? p.live : p.reconnecting}</div> : null}
    </Shell>
  );
}

export function CheckinBlock({ view, busy, onCheckIn }: { view: MyQueueView; busy: boolean; onCheckIn: () => void }) {
  const m = useMessages(queueMessages);
  const p = m.patient;
  const c = view.checkin;
  return (
    <div style={{ textAlign: 'center', display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div className="mq-ahead">{p.notCheckedIn}</div>
      {c.state === 'open' ? <Button type="primary" size="large" block loading={busy} onClick={onCheckIn} data-testid="my-checkin">{p.checkinNow}</Button> : null}
      {c.state === 'not_yet' ? <Alert type="info" showIcon title={p.checkinNotYet(localTime(c.from))} /> : null}
      {c.state === 'closed' ? <Alert type="warning" showIcon title={p.checkinClosed} /> : null}
      {c.state === 'other_day' ? <Alert type="info" showIcon title={p.checkinOtherDay(view.serviceDate)} /> : null}
    </div>
  );
}

export function Shell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mq">
      <header className="mq-header">{title}</header>
      <main className="mq-main">{children}</main>
    </div>
  );
}

