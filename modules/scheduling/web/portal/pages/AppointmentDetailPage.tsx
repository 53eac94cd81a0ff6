import { ClockCircleOutlined, ExperimentOutlined, LoginOutlined, OrderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useLang, useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { CancelModal } from '../components/CancelModal';
import { CheckinQr } from '../components/CheckinQr';
import { MobileLayout } from '../components/MobileLayout';
import { StatusTag } from '../components/StatusTag';
import { dateLabel, dateTime, hhmm } from '../format';
import { portalMessages } from '../messages';
import { usePatient, usePortalFailure } from '../patient';

/**
 * /m/appointments/:id — one booking: its number, time and room, the QR code of its check-in page,
 * links to 签到 (/m/checkin/:id) and 排队进度 (/m/queue/:id), preparation, cancel and reschedule.
 * After booking (?done=booked) it is the success page.
 */
export default function AppointmentDetailPage() {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const done = params.get('done');
  const { me } = usePatient();
  const { message } = useFeedback();
  const failed = usePortalFailure();
  const [cancelOpen, setCancelOpen] = useState(false);
  const data = useRequest((signal) => portalApi.appointment(id!, signal), [id]);
  useEffect(() => { if (data.error?.status === 401) failed(data.error); }, [data.error, failed]);
  const a = data.data;

  if (data.loading && !a) return <MobileLayout title={m.detailTitle} back="/m/appointments"><Skeleton active /></MobileLayout>;
  if (!a) {
    return (
      <MobileLayout title={m.detailTitle} back="/m/appointments">
        {data.error?.status === 404 ? <Result status="404" title={m.notFound} /> : <ProblemAlert error={data.error} onRetry={data.reload} />}
      </MobileLayout>
    );
  }
  const live = a.status === 'booked' || a.status === 'checked_in' || a.status === 'held';
  const kv = (label: string, value: string | null | undefined) => (value ? <div className="m-kv"><span>{label}</span><span>{value}</span></div> : null);
  return (
    <MobileLayout title={done ? (done === 'rescheduled' ? m.rescheduled : m.booked) : m.detailTitle} back="/m/appointments">
      {done ? <Result status="success" title={done === 'rescheduled' ? m.rescheduled : m.booked} subTitle={m.bookedHint} style={{ padding: '12px 0 4px' }} /> : null}
      <div className="m-card" data-testid="appointment-detail">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <div>
            <div className="m-row-sub">{m.number}</div>
            <div className="m-big-number" data-testid="appointment-number">{a.seq}</div>
          </div>
          <StatusTag status={a.status} />
        </div>
        {kv(m.patient, a.patientName ?? me.name)}
        {kv(m.date, `${dateLabel(a.serviceDate, lang, m.weekdays)} ${m.periods[a.period]}`)}
        {kv(m.time, `${hhmm(a.startsAt)}–${hhmm(a.endsAt)}`)}
        {kv(m.hospital, a.institutionName)}
        {kv(m.department, a.departmentName)}
        {kv(m.doctor, a.practitionerName ?? a.resourceName)}
        {a.clinicLevel || a.fee !== null ? kv(m.feeLabel, [a.clinicLevel ? m.levels[a.clinicLevel] : '', a.fee !== null ? m.fee(a.fee) : ''].filter(Boolean).join(' ')) : null}
        {kv(m.room, a.room)}
        {a.rescheduledFrom ? <Tag style={{ marginTop: 6 }}>{m.rescheduledFrom}</Tag> : null}
        {a.status === 'cancelled' && a.cancelReason ? <div className="m-row-sub">{m.cancelReasonShown(a.cancelReason)}</div> : null}
      </div>
      {live ? (
        <div className="m-card">
          <CheckinQr path={a.checkinPath} />
          <div className="m-actions">
            <Link to={a.checkinPath}><Button type="primary" size="large" block icon={<LoginOutlined />}>{m.checkin}</Button></Link>
            <Link to={a.queuePath}><Button size="large" block icon={<OrderedListOutlined />}>{m.queue}</Button></Link>
          </div>
        </div>
      ) : null}
      {a.preparation.length ? (
        <div className="m-card" data-testid="preparation">
          <div className="m-row-title" style={{ marginBottom: 6 }}><ExperimentOutlined /> {m.preparation}</div>
          {a.preparation.map((p) => (
            <div key={p.item} style={{ marginBottom: 8 }}>
              <div>{p.item} {p.fasting ? <Tag color="orange">{m.fasting}</Tag> : null}</div>
              <div className="m-row-sub" style={{ whiteSpace: 'pre-wrap', color: '#595959' }}>{p.text}</div>
            </div>
          ))}
        </div>
      ) : live && a.kind === 'clinic' ? (
        <div className="m-card">
          <div className="m-row-title" style={{ marginBottom: 6 }}>{m.clinicTips}</div>
          {m.clinicTipsText.map((t) => <div key={t} className="m-row-sub" style={{ color: '#595959', marginBottom: 4 }}>· {t}</div>)}
        </div>
      ) : null}
      {a.status === 'booked' ? (
        a.changeable ? (
          <>
            {a.changeableUntil ? <div className="m-row-sub" style={{ margin: '0 4px 8px' }}><ClockCircleOutlined /> {m.changeUntil(dateTime(a.changeableUntil, lang))}</div> : null}
            <div className="m-actions" style={{ marginTop: 0 }}>
              <Button size="large" onClick={() => navigate(`/m/book?reschedule=${a.id}`)}>{m.reschedule}</Button>
              <Button size="large" danger onClick={() => setCancelOpen(true)}>{m.cancel}</Button>
            </div>
          </>
        ) : <Alert type="warning" showIcon title={m.tooLateToChange} />
      ) : null}
      {cancelOpen ? (
        <CancelModal appointment={a} open onClose={() => setCancelOpen(false)} onCancelled={(next) => {
          setCancelOpen(false);
          message.success(m.cancelled);
          data.setData(next);
        }} />
      ) : null}
    </MobileLayout>
  );
}
