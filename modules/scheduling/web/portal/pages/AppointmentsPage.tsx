import { Button, Empty, Segmented, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useLang, useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { AppointmentCard } from '../components/AppointmentCard';
import { CancelModal } from '../components/CancelModal';
import { MobileLayout } from '../components/MobileLayout';
import { dateLabel, todayLocal } from '../format';
import { portalMessages } from '../messages';
import { usePatient, usePortalFailure } from '../patient';
import type { PortalAppointment } from '../types';

const UPCOMING = new Set(['held', 'booked', 'checked_in']);

/** /m/appointments: 我的预约 — upcoming first, history on the second tab, waiting-list entries below */
export default function AppointmentsPage() {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const { me, signOut } = usePatient();
  const { message } = useFeedback();
  const failed = usePortalFailure();
  const [tab, setTab] = useState<'upcoming' | 'all'>('upcoming');
  const [cancelling, setCancelling] = useState<PortalAppointment | null>(null);
  const list = useRequest((signal) => portalApi.appointments(signal), []);
  const waiting = useRequest((signal) => portalApi.waitlist(signal), []);
  useEffect(() => { if (list.error?.status === 401) failed(list.error); }, [list.error, failed]);
  const today = todayLocal();
  const items = (list.data?.items ?? []).filter((a) => tab === 'all' || (UPCOMING.has(a.status) && a.serviceDate >= today));
  if (tab === 'upcoming') items.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const waitingItems = (waiting.data?.items ?? []).filter((w) => w.status === 'waiting');

  return (
    <MobileLayout title={m.appointmentsTitle}
      extra={<Button type="link" onClick={() => { void signOut().then(() => navigate('/m/login')); }}>{m.signOut}</Button>}>
      <div className="m-row-sub" style={{ margin: '0 4px 8px' }}>{m.signedInAs(me.name)}</div>
      <Segmented block size="large" value={tab} onChange={(v) => setTab(v as 'upcoming' | 'all')} style={{ marginBottom: 12 }}
        options={[{ value: 'upcoming', label: m.tabUpcoming }, { value: 'all', label: m.tabAll }]} />
      <ProblemAlert error={list.error?.status === 401 ? undefined : list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Skeleton active /> : null}
      {list.data && !items.length ? (
        <Empty description={m.noAppointments} style={{ margin: '32px 0' }}>
          <Button type="primary" size="large" onClick={() => navigate('/m/book')}>{m.goBook}</Button>
        </Empty>
      ) : null}
      {items.map((a) => <AppointmentCard key={a.id} appointment={a} onCancel={setCancelling} />)}
      {waitingItems.length ? (
        <>
          <div className="m-section-title">{m.waitingTitle}</div>
          {waitingItems.map((w) => (
            <div key={w.id} className="m-card" data-testid="waitlist-entry">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <div className="m-row-title">{dateLabel(w.serviceDate, lang, m.weekdays)} {m.periods[w.period]}</div>
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>{m.waitingPosition(w.position ?? 0)}</Tag>
              </div>
              <div className="m-row-sub">{w.institutionName} · {w.departmentName} · {w.practitionerName ?? w.resourceName}</div>
              <div className="m-actions">
                <Button size="large" onClick={async () => {
                  try {
                    await portalApi.leaveWaitlist(w.id);
                    waiting.reload();
                  } catch (error) {
                    failed(error);
                  }
                }}>{m.leaveWaitlist}</Button>
              </div>
            </div>
          ))}
        </>
      ) : null}
      {cancelling ? (
        <CancelModal appointment={cancelling} open onClose={() => setCancelling(null)} onCancelled={() => {
          setCancelling(null);
          message.success(m.cancelled);
          list.reload();
          waiting.reload();
        }} />
      ) : null}
    </MobileLayout>
  );
}
