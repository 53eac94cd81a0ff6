import { Alert, Button, Card, DatePicker, Empty, Flex, Form, Popconfirm, Radio, Select, Skeleton, Typography } from 'antd';
import { CheckOutlined, PlusCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { isApiError } from '@kangyun/web-shell/api';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { deskApi, newIdempotencyKey } from './api';
import { ConflictAlternatives } from './ConflictAlternatives';
import { segment, todayLocal } from './format';
import { deskMessages } from './messages';
import { SessionList, sessionOpen } from './SessionList';
import { SlotGrid } from './SlotGrid';
import { slotState } from './slots';
import type { Appointment, BookingOption, PatientSummary, Session, Slot } from './types';

const LAST_DEPARTMENT = 'kangyun.desk.department';

export type BookingOutcome = 'booked' | 'rescheduled' | 'added_on' | 'waitlisted';

export interface BookingPanelHandle {
  /** Alt+B: book the current choice */
  confirm(): void;
}

interface Props {
  patient: PatientSummary | null;
  /** set while rescheduling one of the patient's appointments */
  rescheduling: Appointment | null;
  onStopRescheduling: () => void;
  onDone: (a: Appointment | null, outcome: BookingOutcome, detail?: number) => void;
  /** changes when something elsewhere on the page (a cancellation) changed the free numbers */
  refreshKey?: number;
}

/**
 * Department → date → session → number → book. Each booking attempt carries its own
 * idempotency key, renewed only when the choice changes or the attempt succeeded, so a double
 * click or a retried request returns the same booking instead of a second one.
 */
export const BookingPanel = forwardRef<BookingPanelHandle, Props>(function BookingPanel({ patient, rescheduling, onStopRescheduling, onDone, refreshKey = 0 }, ref) {
  const m = useMessages(deskMessages);
  const can = useCan();
  const { message, fail } = useFeedback();
  const [departmentId, setDepartmentId] = useState<number | undefined>(() => Number(localStorage.getItem(LAST_DEPARTMENT)) || undefined);
  const [date, setDate] = useState(todayLocal());
  const [level, setLevel] = useState<string>('all');
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [slotId, setSlotId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ title: string; options: BookingOption[]; sessionId: number } | null>(null);
  const key = useRef(newIdempotencyKey());
  const sessionsBox = useRef<HTMLDivElement>(null);
  const slotsBox = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const focusedFor = useRef<number | null>(null);

  const departments = useRequest((signal) => deskApi.departments(signal), []);
  const clinicDepartments = (departments.data ?? []).filter((d) => d.clinic);
  const sessions = useRequest((signal) => deskApi.sessions(departmentId!, date, signal), [departmentId, date, refreshKey], { enabled: !!departmentId });
  const shown = useMemo(() => (sessions.data ?? []).filter((s) => level === 'all' || s.clinicLevel === level), [sessions.data, level]);
  const session: Session | undefined = shown.find((s) => s.id === sessionId);
  const slots = useRequest((signal) => deskApi.slots(sessionId!, signal), [sessionId, refreshKey], { enabled: !!sessionId });
  const slot: Slot | undefined = slots.data?.find((s) => s.id === slotId);

  // a new choice is a new attempt
  useEffect(() => { key.current = newIdempotencyKey(); setConflict(null); }, [patient?.id, sessionId, slotId]);
  useEffect(() => { setSessionId(null); setSlotId(null); focusedFor.current = null; }, [departmentId, date]);
  useEffect(() => { if (departmentId) localStorage.setItem(LAST_DEPARTMENT, String(departmentId)); }, [departmentId]);
  useEffect(() => {
    // when a newly chosen session's numbers arrive, the first number the desk may book is focused
    // (not on a reload, which would pull focus from the slip dialog)
    if (!slots.data || !sessionId || focusedFor.current === sessionId) return;
    focusedFor.current = sessionId;
    window.setTimeout(() => slotsBox.current?.querySelector<HTMLButtonElement>('button[data-state="free"]')?.focus(), 0);
  }, [slots.data, sessionId]);

  const focusFirstSession = useCallback(() => {
    sessionsBox.current?.querySelector<HTMLButtonElement>('button[data-session]:not(:disabled)')?.focus();
  }, []);
  const onKeyDown = useEnterToNext(focusFirstSession);

  const refresh = () => { sessions.reload(); if (sessionId) slots.reload(); };

  const run = async (target: { sessionId: number; slotId: number | null }) => {
    if (!patient || busy) return;
    setBusy(true);
    setConflict(null);
    try {
      if (rescheduling) {
        const a = await deskApi.reschedule(rescheduling.id, { sessionId: target.sessionId, slotId: target.slotId ?? undefined });
        message.success(m.rescheduled(a.seq));
        onDone(a, 'rescheduled');
      } else {
        const a = await deskApi.book({ patientId: patient.id, sessionId: target.sessionId, slotId: target.slotId ?? undefined, idempotencyKey: key.current });
        message.success(a.replayed ? m.replayed : m.booked(a.seq));
        onDone(a, 'booked');
      }
      key.current = newIdempotencyKey();
      setSlotId(null);
      refresh();
    } catch (err) {
      if (isApiError(err) && err.status === 409 && err.code === 'slot_unavailable') {
        setConflict({ title: err.title, options: (err.body.options as BookingOption[]) ?? [], sessionId: target.sessionId });
        refresh();
      } else {
        fail(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const confirm = () => { if (session) void run({ sessionId: session.id, slotId }); };
  useImperativeHandle(ref, () => ({ confirm }));

  const pickOption = (o: BookingOption) => {
    // the alternative is a different attempt: its own key
    key.current = newIdempotencyKey();
    void run({ sessionId: o.sessionId, slotId: o.slotId });
  };

  const waitlist = async (forSession: number) => {
    if (!patient || busy) return;
    setBusy(true);
    try {
      const w = await deskApi.waitlist(forSession, patient.id);
      message.success(m.waitlisted(w.position ?? 1));
      setConflict(null);
      onDone(null, 'waitlisted', w.position);
      refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const addOn = async () => {
    if (!patient || !session || busy) return;
    setBusy(true);
    try {
      const a = await deskApi.addOn(session.id, patient.id);
      message.success(m.addedOn(a.seq));
      onDone(a, 'added_on');
      refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const full = !!session && session.freeForChannel === 0;
  const bookable = !!patient && !!session && sessionOpen(session) === 'open' && (slot ? slotState(slot) === 'free' : !full);

  return (
    <Card variant="borderless" size="small" title={rescheduling ? m.rescheduleTitle(rescheduling.seq, rescheduling.departmentName) : m.bookTitle}
      extra={rescheduling ? <Button size="small" onClick={onStopRescheduling}>{m.stopReschedule}</Button> : null}>
      {!patient ? <Alert type="info" showIcon title={m.choosePatientFirst} style={{ marginBottom: 12 }} /> : null}
      <ProblemAlert error={departments.error} onRetry={departments.reload} />
      <Form layout="inline" onKeyDownCapture={onKeyDown} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label={m.department}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={m.departmentPlaceholder}
            value={departmentId}
            onChange={setDepartmentId}
            loading={departments.loading}
            options={clinicDepartments.map((d) => ({ value: d.id, label: d.name }))}
            aria-label={m.department}
            data-testid="desk-department"
          />
        </Form.Item>
        <Form.Item label={m.date}>
          <DatePicker
            allowClear={false}
            value={dayjs(date)}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            disabledDate={(d) => d.isBefore(dayjs(todayLocal()), 'day')}
            aria-label={m.date}
            data-testid="desk-date"
          />
        </Form.Item>
        <Form.Item label={m.level}>
          <Radio.Group value={level} onChange={(e) => setLevel(e.target.value)} optionType="button" size="small"
            options={[{ value: 'all', label: m.allLevels }, ...['general', 'expert', 'special'].map((l) => ({ value: l, label: m.levels[l] }))]} />
        </Form.Item>
      </Form>

      <div ref={sessionsBox}>
        <ProblemAlert error={sessions.error} onRetry={sessions.reload} />
        {!departmentId ? null : sessions.loading && !sessions.data ? <Skeleton active /> : (
          <SessionList sessions={shown} selected={sessionId} onSelect={(s) => { setSessionId(s.id); setSlotId(null); }} />
        )}
      </div>

      {session ? (
        <div ref={slotsBox} style={{ marginTop: 16 }}>
          <Typography.Text strong>{m.numbers}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {session.practitionerName ?? session.resourceName} · {segment(session.startsAt, session.endsAt)} · {m.freeWindow(session.freeForChannel)}
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            <ProblemAlert error={slots.error} onRetry={slots.reload} />
            {slots.loading && !slots.data ? <Skeleton active /> : slots.data?.length ? (
              <SlotGrid slots={slots.data} selected={slotId} onSelect={(s) => { setSlotId(s.id); window.setTimeout(() => confirmButton.current?.focus(), 0); }} />
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </div>
          <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
            <Button
              ref={confirmButton}
              type="primary"
              icon={<CheckOutlined />}
              disabled={!bookable}
              loading={busy}
              onClick={confirm}
              data-testid="desk-confirm"
            >
              {rescheduling ? m.confirmReschedule : m.confirmBook}
              {slot ? ` · ${m.numberLabel(slot.seq)} ${segment(slot.startsAt, slot.endsAt)}` : ''}
            </Button>
            {!slot && !full ? <Typography.Text type="secondary">{m.anyNumber}</Typography.Text> : null}
            {full && !rescheduling && patient && can('appointment.addon') ? (
              <Popconfirm title={m.addOnConfirm} onConfirm={() => void addOn()} okText={m.addOn} cancelText={m.back}>
                <Button icon={<PlusCircleOutlined />} loading={busy} data-testid="desk-addon">{m.addOn}</Button>
              </Popconfirm>
            ) : null}
            {full && !rescheduling && patient ? (
              <Button loading={busy} onClick={() => void waitlist(session.id)} data-testid="desk-waitlist-full">{m.joinWaitlist}</Button>
            ) : null}
          </Flex>
        </div>
      ) : null}

      {conflict ? (
        <ConflictAlternatives title={conflict.title} options={conflict.options} busy={busy} onPick={pickOption} onWaitlist={() => void waitlist(conflict.sessionId)} canWaitlist={!rescheduling} />
      ) : null}
    </Card>
  );
});
