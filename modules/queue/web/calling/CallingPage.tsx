import { useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Card, Checkbox, Col, Empty, Flex, Row, Select, Space, Table, Typography } from 'antd';
import { SoundOutlined, StepForwardOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan, useCurrentAssignment, useSession } from '@kangyun/web-shell/session';
import { queueApi } from '../api';
import { queueMessages } from '../messages';
import { hhmm, ReasonTags, StatusTag } from '../labels';
import { useEventStream } from '../stream/useEventStream';
import type { EntryView, SessionOption } from '../types';
import { AddOnModal, HoldModal, RoomsModal, TransferModal } from './CallingModals';

const STORAGE_KEY = 'kangyun.queue.calling';

interface Choice { date: string; sessionId: number; room: string | null }

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function savedChoice(): Choice | null {
  try {
    const c = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Choice | null;
    return c && c.date === today() ? c : null;
  } catch {
    return null;
  }
}

/**
 * 叫号 for doctors and technicians: pick today's session (or exam room) and the room you call
 * from; "下一位" finishes the current patient and calls the next. The queue (with 迟到/过号/回诊/优先
 * reasons) updates live from the server's stream, so check-ins at the desk appear at once.
 */
export default function CallingPage() {
  const m = useMessages(queueMessages);
  const c = m.calling;
  const can = useCan();
  const session = useSession();
  const post = useCurrentAssignment();
  const { message, fail } = useFeedback();
  const [choice, setChoice] = useState<Choice | null>(savedChoice);
  const [queueId, setQueueId] = useState<number | null>(null);
  const [prepareNext, setPrepareNext] = useState(false);
  const [busy, setBusy] = useState(false);
  const [modal, setModal] = useState<null | { kind: 'hold' | 'transfer'; entry: EntryView } | { kind: 'rooms' | 'addon' }>(null);

  const sessions = useRequest((signal) => queueApi.sessions({}, signal), []);
  const options = useMemo(() => {
    const mine = (s: SessionOption) => (String(s.practitionerId) === String(session.user.id) ? 0 : String(s.departmentId) === String(post?.departmentId) ? 1 : 2);
    return [...(sessions.data ?? [])].sort((a, b) => mine(a) - mine(b) || a.startsAt.localeCompare(b.startsAt));
  }, [sessions.data, session.user.id, post?.departmentId]);

  // default: my own session running now (or next)
  useEffect(() => {
    if (choice || !options.length) return;
    const own = options.filter((s) => String(s.practitionerId) === String(session.user.id));
    const pick = own.find((s) => Date.parse(s.endsAt) > Date.now()) ?? own[0];
    if (pick) setChoice({ date: today(), sessionId: pick.sessionId, room: pick.room });
  }, [choice, options, session.user.id]);

  useEffect(() => {
    if (!choice) return;
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
    let live = true;
    queueApi.openQueue(choice.sessionId).then((q) => live && setQueueId(q.id), fail);
    return () => { live = false; };
  }, [choice, fail]);

  const detail = useRequest((signal) => queueApi.queue(queueId!, signal), [queueId], { enabled: queueId !== null });
  const reloadTimer = useRef<number>();
  const handlers = useMemo(() => {
    const soon = () => {
      window.clearTimeout(reloadTimer.current);
      reloadTimer.current = window.setTimeout(detail.reload, 150);
    };
    return { snapshot: soon, call: soon, queue: soon };
  }, [detail.reload]);
  const status = useEventStream({ url: queueId ? `/api/queue/stream?queueIds=${queueId}` : null, handlers });

  const room = choice?.room ?? detail.data?.queue.rooms[0] ?? null;
  const entries = detail.data?.entries ?? [];
  const current = entries.filter((e) => (e.status === 'called' || e.status === 'in_service') && e.room === room);
  const waiting = entries.filter((e) => e.status === 'waiting');
  const others = entries.filter((e) => e.status === 'on_hold' || e.status === 'missed' || e.status === 'done');
  const roomOptions = [...new Set([...(detail.data?.queue.rooms ?? []), ...(choice?.room ? [choice.room] : [])])];

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      detail.reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const next = () => act(async () => {
    const r = await queueApi.callNext(queueId!, room, prepareNext);
    if (r.call) message.success(c.called(r.call.ticket, r.call.name));
    else message.info(c.nobody);
  });

  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={c.subtitle}
        extra={
          <Space>
            <Badge status={status === 'open' ? 'success' : 'warning'} text={status === 'open' ? c.liveOn : c.liveOff} />
            {queueId ? <Button icon={<SwapOutlined />} onClick={() => setModal({ kind: 'rooms' })}>{c.changeRoom}</Button> : null}
            {queueId && can('appointment.addon') ? <Button icon={<UserAddOutlined />} onClick={() => setModal({ kind: 'addon' })}>{c.addOn}</Button> : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Select
            showSearch
            optionFilterProp="label"
            style={{ flex: '1 1 380px' }}
            placeholder={c.pickSession}
            loading={sessions.loading}
            value={choice?.sessionId}
            onChange={(id: number) => {
              const s = options.find((x) => x.sessionId === id);
              setQueueId(null);
              setChoice({ date: today(), sessionId: id, room: s?.room ?? null });
            }}
            options={options.map((s) => ({ value: s.sessionId, label: `${s.departmentName} · ${s.resourceName} · ${hhmm(s.startsAt)}–${hhmm(s.endsAt)}${s.practitionerName ? ` · ${s.practitionerName}` : ''}` }))}
            data-testid="calling-session"
          />
          <Select
            style={{ width: 260 }}
            placeholder={c.room}
            value={room ?? undefined}
            onChange={(r: string) => choice && setChoice({ ...choice, room: r })}
            options={roomOptions.map((r) => ({ value: r, label: r }))}
          />
        </Flex>
      </Card>
      <ProblemAlert error={detail.error} onRetry={detail.reload} />
      {queueId ? (
        <Row gutter={16}>
          <Col xs={24} lg={9}>
            <Card title={c.current} style={{ marginBottom: 16 }}>
              <Flex vertical gap={12}>
                <Button type="primary" size="large" icon={<StepForwardOutlined />} loading={busy} onClick={() => void next()} data-testid="call-next" style={{ height: 64, fontSize: 24 }}>
                  {c.next}
                </Button>
                <Checkbox checked={prepareNext} onChange={(e) => setPrepareNext(e.target.checked)}>{c.prepareNext}</Checkbox>
                {current.length === 0 ? <Typography.Text type="secondary">{c.noCurrent}</Typography.Text> : null}
                {current.map((e) => (
                  <Card key={e.entryId} size="small" data-testid="calling-current">
                    <Flex vertical gap={8}>
                      <Flex justify="space-between" align="baseline">
                        <Typography.Title level={2} style={{ margin: 0 }}>{m.ticket(e.ticket)} {e.name}</Typography.Title>
                        <StatusTag status={e.status} />
                      </Flex>
                      <Space wrap><ReasonTags reason={e.reason} priority={e.priority} /><Typography.Text type="secondary">{c.calledTimes(e.callCount)}</Typography.Text></Space>
                      <Space wrap>
                        {e.status === 'called' ? <Button icon={<SoundOutlined />} disabled={busy} onClick={() => void act(() => queueApi.recall(e.entryId, room))}>{c.recall}</Button> : null}
                        {e.status === 'called' ? <Button disabled={busy} onClick={() => void act(() => queueApi.start(e.entryId))}>{c.start}</Button> : null}
                        {e.status === 'called' ? <Button danger disabled={busy} onClick={() => void act(async () => {
                          const r = await queueApi.skip(e.entryId);
                          message.info(r.status === 'missed' ? c.passedOver : c.putBack);
                        })}>{c.skip}</Button> : null}
                        <Button type="primary" ghost disabled={busy} onClick={() => void act(() => queueApi.finish(e.entryId))}>{c.finish}</Button>
                        <Button disabled={busy} onClick={() => setModal({ kind: 'hold', entry: e })}>{c.hold}</Button>
                        <Button disabled={busy} onClick={() => setModal({ kind: 'transfer', entry: e })}>{c.transfer}</Button>
                      </Space>
                    </Flex>
                  </Card>
                ))}
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card title={`${c.waitingList} · ${m.waitingCount(waiting.length)}`} style={{ marginBottom: 16 }} size="small">
              <Table<EntryView>
                rowKey="entryId"
                size="small"
                pagination={false}
                loading={detail.loading && !detail.data}
                dataSource={waiting}
                locale={{ emptyText: <Empty description={c.empty} /> }}
                data-testid="calling-waiting"
                columns={[
                  { title: c.position, render: (_, _e, i) => i + 1, width: 48 },
                  { title: c.ticket, render: (_, e) => m.ticket(e.ticket), width: 80 },
                  { title: c.name, dataIndex: 'name' },
                  { title: c.reason, render: (_, e) => <ReasonTags reason={e.reason} priority={e.priority} /> },
                  { title: c.checkinAt, render: (_, e) => hhmm(e.checkinAt), width: 80 },
                  {
                    title: c.actions, width: 220, render: (_, e) => (
                      <Space size={4} wrap>
                        <Button size="small" disabled={busy} onClick={() => void act(() => queueApi.prepare(e.entryId, room))}>{c.prepare}</Button>
                        <Button size="small" disabled={busy} onClick={() => setModal({ kind: 'hold', entry: e })}>{c.hold}</Button>
                        <Button size="small" disabled={busy} onClick={() => setModal({ kind: 'transfer', entry: e })}>{c.transfer}</Button>
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
            <Card title={c.others} size="small">
              <Table<EntryView>
                rowKey="entryId"
                size="small"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={others}
                columns={[
                  { title: c.ticket, render: (_, e) => m.ticket(e.ticket), width: 80 },
                  { title: c.name, dataIndex: 'name' },
                  { title: m.desk.state, render: (_, e) => <Space size={4}><StatusTag status={e.status} />{e.holdReason ? <Typography.Text type="secondary">{e.holdReason}</Typography.Text> : null}</Space> },
                  {
                    title: c.actions, width: 140, render: (_, e) => (e.status === 'on_hold'
                      ? <Button size="small" disabled={busy} onClick={() => void act(() => queueApi.requeue(e.entryId))}>{c.requeue}</Button>
                      : null),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : (
        <Empty description={c.pickSession} />
      )}
      {modal?.kind === 'hold' ? <HoldModal onCancel={() => setModal(null)} onOk={(reason) => act(() => queueApi.hold(modal.entry.entryId, reason)).then(() => setModal(null))} /> : null}
      {modal?.kind === 'transfer' ? (
        <TransferModal sessions={options.filter((s) => s.sessionId !== choice?.sessionId && s.status === 'open')} onCancel={() => setModal(null)}
          onOk={(sessionId) => act(() => queueApi.transfer(modal.entry.entryId, sessionId)).then(() => setModal(null))} />
      ) : null}
      {modal?.kind === 'rooms' && detail.data ? (
        <RoomsModal rooms={detail.data.queue.rooms} onCancel={() => setModal(null)}
          onOk={(rooms) => act(async () => {
            await queueApi.changeRooms(queueId!, rooms);
            if (choice) setChoice({ ...choice, room: rooms[0] });
          }).then(() => setModal(null))} />
      ) : null}
      {modal?.kind === 'addon' && choice ? (
        <AddOnModal onCancel={() => setModal(null)}
          onOk={(patientId) => act(async () => {
            const appointment = await queueApi.addOn(choice.sessionId, patientId);
            const entry = await queueApi.checkIn({ appointmentId: appointment.id, channel: 'doctor' });
            message.success(c.addOnDone(entry.ticket));
          }).then(() => setModal(null))} />
      ) : null}
    </>
  );
}

