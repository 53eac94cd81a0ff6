import { Table, Tag } from 'antd';
import { useMessages } from '@kangyun/web-shell/i18n';
import { dateTime, hm } from '../common/time';
import { planningMessages } from '../messages';
import type { PoolSlot } from '../types';

const STATUS_TAG: Record<PoolSlot['status'], string> = { free: 'green', held: 'orange', booked: 'blue', blocked: 'default' };

/** every number of a session: segment, channel, reservation, status; booked numbers cannot be selected */
export function PoolTable({ slots, selected, onSelect, selectable }: { slots: PoolSlot[]; selected: number[]; onSelect: (seqs: number[]) => void; selectable: boolean }) {
  const m = useMessages(planningMessages);
  const s = m.session;
  return (
    <Table<PoolSlot> rowKey="seq" size="small" dataSource={slots} pagination={false} scroll={{ y: 420 }}
      rowSelection={selectable ? {
        selectedRowKeys: selected, onChange: (keys) => onSelect(keys as number[]),
        getCheckboxProps: (r) => ({ disabled: r.status === 'booked' || r.status === 'held', title: r.status === 'booked' ? s.bookedLocked : undefined }),
      } : undefined}
      columns={[
        { title: s.seq, dataIndex: 'seq', width: 64, render: (v: number, r) => <>{v}{r.addOn ? <Tag color="magenta" style={{ marginLeft: 4 }}>{s.addOn}</Tag> : null}</> },
        { title: s.segment, width: 120, render: (_, r) => `${hm(r.startsAt)}–${hm(r.endsAt)}` },
        { title: s.channel, dataIndex: 'channel', width: 110, render: (c: string | null) => (c ? <Tag color="geekblue">{m.channel[c]}</Tag> : <Tag>{m.shared}</Tag>) },
        {
          title: s.reservation, width: 190,
          render: (_, r) => (r.reservedFor ? (
            <>
              <Tag color="gold">{m.reserved[r.reservedFor]}</Tag>
              <span style={{ fontSize: 12 }}>{s.releaseAt(dateTime(r.reservedUntil))}</span>
            </>
          ) : '—'),
        },
        { title: s.slotStatus, dataIndex: 'status', width: 80, render: (v: PoolSlot['status']) => <Tag color={STATUS_TAG[v]}>{m.slotStatus[v]}</Tag> },
        { title: s.booking, render: (_, r) => (r.appointmentId ? `#${r.appointmentId}${r.bookedChannel ? ` · ${m.channel[r.bookedChannel]}` : ''}` : '') },
      ]}
    />
  );
}
