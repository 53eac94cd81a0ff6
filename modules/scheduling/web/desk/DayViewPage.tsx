import { Button, Card, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ExportButtons } from '@kangyun/web-shell/components/ExportButtons';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useListQuery } from '@kangyun/web-shell/hooks/useListQuery';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { deskApi } from './api';
import { SlipModal } from './BookingSlip';
import { hhmm, localDay, segment, todayLocal } from './format';
import { deskMessages } from './messages';
import { StatusTag } from './StatusTag';
import type { Appointment } from './types';

const STATUSES = ['booked', 'checked_in', 'fulfilled', 'cancelled', 'noshow', 'held'];
const REFRESH_MS = 60_000;

/**
 * 当日预约清单: the appointments of a day (today unless chosen) for one department or all, with
 * their status; filters live in the address bar; refreshed every minute; Excel/CSV export.
 */
export default function DayViewPage() {
  const m = useMessages(deskMessages);
  const list = useListQuery<Appointment>('/api/appointments', { pageSize: 50, fixed: { date: todayLocal() } });
  const date = list.filters.date ?? todayLocal();
  const departmentId = list.filters.departmentId ? Number(list.filters.departmentId) : undefined;
  const departments = useRequest((signal) => deskApi.departments(signal), []);
  const [slip, setSlip] = useState<Appointment | null>(null);
  const set = (next: Record<string, string | number | undefined>) => list.setFilters({ ...list.filters, ...next });
  const { reload } = list;

  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  return (
    <>
      <PageHeader
        title={m.dayTitle}
        subtitle={m.daySubtitle}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={list.reload}>{m.refresh}</Button>
            <ExportButtons path="/api/scheduling/stats/day-list" query={{ date, departmentId }} fileName={`${m.exportName}-${date}`} />
          </>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <DatePicker allowClear={false} value={dayjs(date)} onChange={(d) => d && set({ date: d.format('YYYY-MM-DD') })} aria-label={m.date} />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={m.allDepartments}
            value={departmentId}
            onChange={(v) => set({ departmentId: v })}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            aria-label={m.department}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={m.allStatuses}
            value={list.filters.status}
            onChange={(v) => set({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: m.status[s] }))}
            aria-label={m.allStatuses}
          />
        </Flex>
        <ProblemAlert error={list.error} onRetry={list.reload} />
        <Table<Appointment>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={[...list.items].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.seq - b.seq)}
          pagination={list.pagination}
          scroll={{ x: 1000 }}
          columns={[
            { key: 'time', title: m.time, width: 110, render: (_, a) => segment(a.startsAt, a.endsAt) },
            { key: 'seq', title: m.seq, width: 70, render: (_, a) => <b>{a.seq}{a.addOn ? <Tag color="purple" style={{ marginLeft: 4 }}>{m.addOn}</Tag> : null}</b> },
            { key: 'patient', title: m.patient, width: 90, dataIndex: 'patientName' },
            { key: 'department', title: m.department, width: 110, dataIndex: 'departmentName' },
            { key: 'doctor', title: m.doctor, render: (_, a) => <>{a.practitionerName ?? a.resourceName}{a.clinicLevel ? <Tag style={{ marginLeft: 6 }}>{m.levels[a.clinicLevel]}</Tag> : null}</> },
            { key: 'room', title: m.room, dataIndex: 'room', ellipsis: true },
            { key: 'channel', title: m.channel, width: 80, render: (_, a) => m.channels[a.channel] ?? a.channel },
            { key: 'status', title: m.statusColumn, width: 90, render: (_, a) => <StatusTag status={a.status} /> },
            { key: 'bookedAt', title: m.bookedAt, width: 110, render: (_, a) => <Typography.Text type="secondary">{localDay(a.createdAt).slice(5)} {hhmm(a.createdAt)}</Typography.Text> },
            {
              key: 'actions', title: '', width: 60, fixed: 'right',
              render: (_, a) => (a.status === 'booked' || a.status === 'held' || a.status === 'checked_in'
                ? <Button size="small" type="text" icon={<PrinterOutlined />} aria-label={m.print} title={m.print} onClick={() => setSlip(a)} />
                : null),
            },
          ]}
        />
      </Card>
      <SlipModal appointment={slip} onClose={() => setSlip(null)} />
    </>
  );
}
