import { Button, Descriptions, Drawer, Flex, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { planningApi } from '../api';
import { dateTime, hm } from '../common/time';
import { planningMessages } from '../messages';
import type { PoolView } from '../types';
import { AddNumbersModal, QuotasModal, RelabelModal } from './NumberModals';
import { PoolTable } from './PoolTable';
import { STATUS_COLOURS } from './SessionCard';
import { SubstituteModal } from './SubstituteModal';
import { SuspendModal } from './SuspendModal';

type Dialog = 'add' | 'relabel' | 'quotas' | 'substitute' | 'suspend' | null;

/** 号源编辑: a session, its numbers, and substitution / suspension / resumption */
export function SessionDrawer({ sessionId, onClose, onChanged }: { sessionId: number | null; onClose: () => void; onChanged: () => void }) {
  const m = useMessages(planningMessages);
  const s = m.session;
  const manage = useCan()('schedule.manage');
  const { message, fail } = useFeedback();
  const pool = useRequest((signal) => planningApi.pool(sessionId!, signal), [sessionId], { enabled: !!sessionId });
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const view = pool.data;
  const session = view?.session;
  const editable = manage && session?.status !== 'cancelled' && session && new Date(session.endsAt) > new Date();

  const applied = (next: PoolView) => {
    pool.setData(next);
    setSelected([]);
    setDialog(null);
    message.success(m.common.saved);
    onChanged();
  };
  const changed = () => {
    setDialog(null);
    pool.reload();
    onChanged();
  };
  const run = async (fn: () => Promise<PoolView>) => {
    setBusy(true);
    try {
      applied(await fn());
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const resume = async () => {
    try {
      await planningApi.resume(session!.id);
      message.success(s.resumed);
      changed();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Drawer open={!!sessionId} onClose={() => { setSelected([]); onClose(); }} size="large" destroyOnHidden
      title={session ? `${session.resourceName} · ${session.serviceDate} ${m.period[session.period]}` : s.title}
      extra={session && editable ? (
        <Space wrap>
          {session.status === 'open' ? <Button onClick={() => setDialog('substitute')}>{s.substitute}</Button> : null}
          {session.status === 'open' ? <Button danger onClick={() => setDialog('suspend')}>{s.suspend}</Button> : null}
          {session.status === 'suspended' ? (
            <Popconfirm title={s.resume} description={s.resumeConfirm} onConfirm={resume} okText={s.resume} cancelText={m.common.cancel}>
              <Button type="primary">{s.resume}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}>
      <ProblemAlert error={pool.error} onRetry={pool.reload} />
      {!view || !session ? <Spin /> : (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={s.time}>{session.serviceDate} {hm(session.startsAt)}–{hm(session.endsAt)}</Descriptions.Item>
            <Descriptions.Item label={s.status}>
              <Tag color={STATUS_COLOURS[session.status].tag}>{m.sessionStatus[session.status]}</Tag>
              {session.statusReason ? <Typography.Text type="secondary">{session.statusReason}</Typography.Text> : null}
            </Descriptions.Item>
            <Descriptions.Item label={s.doctor}>
              {session.practitionerName ?? '—'}{session.substitutedFrom ? <Tag color="purple" style={{ marginLeft: 4 }}>{m.calendar.substituted}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={s.room}>{session.room ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={s.capacity}>
              {session.kind === 'exam' ? session.capacity : `${m.calendar.booked} ${session.booked} / ${session.capacity} · ${m.calendar.free} ${session.free}`}
            </Descriptions.Item>
            <Descriptions.Item label={s.fee}>{session.fee == null ? '—' : session.fee.toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={s.opens}>{dateTime(session.opensAt)}</Descriptions.Item>
            <Descriptions.Item label={s.closes}>{dateTime(session.closesAt)}</Descriptions.Item>
            <Descriptions.Item label={s.source}>{session.source === 'plan' ? s.plan : s.temporary}</Descriptions.Item>
            <Descriptions.Item label={m.calendar.waiting}>{session.waiting}</Descriptions.Item>
          </Descriptions>
          {editable && session.kind === 'clinic' ? (
            <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
              <Button onClick={() => setDialog('add')}>{s.addNumbers}</Button>
              <Button onClick={() => setDialog('quotas')}>{s.quotas}</Button>
              <Button disabled={!selected.length} loading={busy} onClick={() => run(() => planningApi.blockNumbers(session.id, selected))}>{s.block}</Button>
              <Button disabled={!selected.length} loading={busy} onClick={() => run(() => planningApi.unblockNumbers(session.id, selected))}>{s.unblock}</Button>
              <Button disabled={!selected.length} onClick={() => setDialog('relabel')}>{s.relabel}</Button>
              {selected.length ? <Typography.Text type="secondary">{s.selected(selected.length)}</Typography.Text> : null}
            </Flex>
          ) : null}
          {editable && session.kind === 'exam' ? <Button style={{ marginBottom: 12 }} onClick={() => setDialog('quotas')}>{s.quotas}</Button> : null}
          {session.kind === 'clinic' ? <PoolTable slots={view.slots} selected={selected} onSelect={setSelected} selectable={!!editable} /> : null}
          <AddNumbersModal session={session} open={dialog === 'add'} onClose={() => setDialog(null)} onDone={applied} />
          <RelabelModal session={session} open={dialog === 'relabel'} seqs={selected} onClose={() => setDialog(null)} onDone={applied} />
          <QuotasModal session={session} slots={view.slots} open={dialog === 'quotas'} onClose={() => setDialog(null)} onDone={applied} />
          <SubstituteModal session={session} open={dialog === 'substitute'} onClose={() => setDialog(null)} onDone={changed} />
          <SuspendModal session={session} open={dialog === 'suspend'} onClose={() => setDialog(null)} onDone={() => { pool.reload(); onChanged(); }} />
        </>
      )}
    </Drawer>
  );
}
