import { Alert, Button, Empty, Skeleton } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '@kangyun/web-shell/api';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useLang, useMessages } from '@kangyun/web-shell/i18n';
import { portalApi } from '../api';
import { dateLabel, hhmm, newKey } from '../format';
import { portalMessages } from '../messages';
import { usePatient, usePortalFailure } from '../patient';
import type { PortalAppointment, PortalSegment } from '../types';

/**
 * 选择就诊时段 and 确认预约: the session's time segments with what the phone may book, then a
 * summary to confirm. One idempotency key per chosen number, so a double tap or a retry after a
 * dropped connection books once.
 */
export function SegmentStep({ sessionId, rescheduleOf, onDone, onWaitlist }: {
  sessionId: number;
  /** moving this booking instead of making a new one */
  rescheduleOf?: PortalAppointment | null;
  onDone: (appointment: PortalAppointment) => void;
  onWaitlist?: () => void;
}) {
  const m = useMessages(portalMessages);
  const lang = useLang();
  const { me, setMe } = usePatient();
  const { message } = useFeedback();
  const failed = usePortalFailure();
  const data = useRequest((signal) => portalApi.session(sessionId, signal), [sessionId]);
  const [chosen, setChosen] = useState<PortalSegment | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const key = useMemo(() => newKey(), [chosen?.slotId]); // eslint-disable-line react-hooks/exhaustive-deps
  const confirmRef = useRef<HTMLDivElement>(null);
  // the summary appears below the times: bring it (and its button) into view on a small screen
  useEffect(() => { if (chosen) confirmRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' }); }, [chosen]);
  const session = data.data?.session;
  const segments = data.data?.segments ?? [];
  const needsRecord = !!session && !me.institutions.some((i) => i.id === session.institutionId);

  async function confirm() {
    if (!session || !chosen) return;
    setBusy(true);
    setRefusal(null);
    try {
      if (needsRecord && !rescheduleOf) setMe(await portalApi.addRecord(session.institutionId));
      const done = rescheduleOf
        ? await portalApi.reschedule(rescheduleOf.id, { sessionId: session.id, slotId: chosen.slotId })
        : await portalApi.book({ sessionId: session.id, slotId: chosen.slotId, idempotencyKey: key });
      onDone(done);
    } catch (error) {
      if (isApiError(error) && error.code === 'slot_unavailable') {
        message.warning(m.slotTaken);
        setChosen(null);
        data.reload();
      } else if (isApiError(error) && error.status !== 401 && error.status !== 0) {
        // a booking rule said no (limits, age, no-show block, deadline): say why, on the page
        setRefusal(error.errors?.map((e) => e.message).join('；') || error.display);
      } else {
        failed(error);
      }
    } finally {
      setBusy(false);
    }
  }

  if (data.loading && !data.data) return <Skeleton active />;
  if (data.error || !session) return <ProblemAlert error={data.error} onRetry={data.reload} />;
  const kv = (label: string, value: string | null | undefined) => (value ? <div className="m-kv"><span>{label}</span><span>{value}</span></div> : null);
  return (
    <>
      <div className="m-card">
        <div className="m-row-title">{session.practitionerName ?? session.resourceName}{session.practitionerTitle ? ` · ${session.practitionerTitle}` : ''}</div>
        <div className="m-row-sub">{session.institutionName} · {session.departmentName}</div>
        <div className="m-row-sub">
          {dateLabel(session.serviceDate, lang, m.weekdays)} {m.periods[session.period]}
          {session.clinicLevel ? ` · ${m.levels[session.clinicLevel]}` : ''}{session.fee !== null ? ` ${m.fee(session.fee)}` : ''}
        </div>
      </div>
      <div className="m-section-title">{m.chooseTime}</div>
      {segments.length ? (
        <div className="m-segments" role="group" aria-label={m.time}>
          {segments.map((s) => (
            <button key={s.startsAt} type="button" className="m-segment" disabled={!s.slotId} aria-pressed={chosen?.startsAt === s.startsAt}
              onClick={() => { setChosen(s); setRefusal(null); }} data-testid="segment">
              <span>{hhmm(s.startsAt)}–{hhmm(s.endsAt)}</span>
              <small>{m.segmentFree(s.free)}</small>
            </button>
          ))}
        </div>
      ) : <Empty description={m.full} />}
      {session.state === 'full' && onWaitlist && !rescheduleOf ? (
        <Button size="large" block style={{ marginTop: 12 }} onClick={onWaitlist}>{m.waitlist}</Button>
      ) : null}
      <p className="m-row-sub" style={{ margin: '10px 4px' }}>{m.segmentsHint}</p>
      {chosen ? (
        <div className="m-card" data-testid="confirm" ref={confirmRef}>
          <div className="m-row-title" style={{ marginBottom: 6 }}>{rescheduleOf ? m.confirmReschedule : m.confirm}</div>
          {kv(m.patient, me.name)}
          {kv(m.hospital, session.institutionName)}
          {kv(m.department, session.departmentName)}
          {kv(m.doctor, session.practitionerName ?? session.resourceName)}
          {kv(m.date, `${dateLabel(session.serviceDate, lang, m.weekdays)} ${m.periods[session.period]}`)}
          {kv(m.time, `${hhmm(chosen.startsAt)}–${hhmm(chosen.endsAt)}`)}
          {kv(m.room, session.room)}
          {session.fee !== null ? kv(m.feeLabel, m.fee(session.fee)) : null}
          {needsRecord && !rescheduleOf ? <Alert type="info" showIcon title={m.recordNotice(session.institutionName)} style={{ margin: '8px 0' }} /> : null}
          {refusal ? <Alert type="error" showIcon title={refusal} style={{ margin: '8px 0' }} data-testid="booking-refused" /> : null}
          <div className="m-sticky-action">
            <Button type="primary" size="large" block loading={busy} onClick={confirm}>
              {rescheduleOf ? m.confirmReschedule : m.confirmBook}
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
