import { Card, Flex, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ExportButtons } from '@kangyun/web-shell/components/ExportButtons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { tablePath, type StatsFilters } from './api';
import { pct } from './format';
import { statsMessages } from './messages';
import { CHANNELS, type ChannelRow, type Counters, type DailyRow, type DepartmentRow, type Rates, type ResourceRow, type StatsReport, type UtilisationCell, type WaitingRow } from './types';
import type { WaitingState } from './useWaiting';

type Table = 'daily' | 'channels' | 'departments' | 'utilisation' | 'resources';

/** every statistics table, each with its Excel/CSV export (built by the server, so it matches the page) */
export function StatsTables({ report, filters, waiting }: { report: StatsReport; filters: StatsFilters; waiting: WaitingState }) {
  const m = useMessages(statsMessages);
  const num = (key: keyof Counters, title: string) => ({ key, title, dataIndex: key, align: 'right' as const, width: 80 });
  const rate = (key: keyof Rates | 'utilisation' | 'share', title: string) => ({
    key, title, align: 'right' as const, width: 90, render: (_: unknown, r: Record<string, unknown>) => pct(r[key] as number | null),
  });
  const counters = [num('bookings', m.bookings), num('cancelled', m.cancelled), num('noshow', m.noshow), num('attended', m.attended), rate('cancelRate', m.cancelRate), rate('noshowRate', m.noshowRate)];
  const capacity = [
    { key: 'sessions', title: m.sessions, dataIndex: 'sessions', align: 'right' as const, width: 80 },
    { key: 'capacity', title: m.capacity, dataIndex: 'capacity', align: 'right' as const, width: 80 },
    { key: 'used', title: m.used, dataIndex: 'used', align: 'right' as const, width: 80 },
    rate('utilisation', m.utilisation),
  ];

  const exportFor = (table: Table, name: string) => (
    <Flex gap={8} justify="flex-end" style={{ marginBottom: 8 }}>
      <ExportButtons path={tablePath(table)} query={{ ...filters }} fileName={`${m.exportName}-${name}-${filters.from}-${filters.to}`} />
    </Flex>
  );
  const table = <T extends object>(key: string, rows: T[], columns: ColumnsType<T>) => (
    <Table<T> rowKey={key} size="small" dataSource={rows} columns={columns} pagination={rows.length > 31 ? { pageSize: 31, showSizeChanger: false } : false} scroll={{ x: 900 }} />
  );

  const items = [
    {
      key: 'daily', label: m.tabDaily,
      children: <>{exportFor('daily', m.tabDaily)}{table<DailyRow>('day', report.daily, [
        { key: 'day', title: m.date, dataIndex: 'day', width: 110, fixed: 'left' },
        num('bookings', m.bookings),
        ...CHANNELS.map((c) => ({ key: c, title: m.channels[c], align: 'right' as const, width: 80, render: (_: unknown, r: DailyRow) => r.byChannel[c] })),
        ...counters.slice(1), ...capacity,
      ] as ColumnsType<DailyRow>)}</>,
    },
    {
      key: 'channels', label: m.tabChannels,
      children: <>{exportFor('channels', m.tabChannels)}{table<ChannelRow>('channel', report.channels, [
        { key: 'channel', title: m.channel, render: (_, r) => m.channels[r.channel] },
        num('bookings', m.bookings), rate('share', m.share), ...counters.slice(1),
      ] as ColumnsType<ChannelRow>)}</>,
    },
    {
      key: 'departments', label: m.tabDepartments,
      children: <>{exportFor('departments', m.tabDepartments)}{table<DepartmentRow>('departmentId', report.departments, [
        { key: 'departmentName', title: m.department, dataIndex: 'departmentName', fixed: 'left', width: 130 }, ...counters, ...capacity,
      ] as ColumnsType<DepartmentRow>)}</>,
    },
    {
      key: 'utilisation', label: m.tabUtilisation,
      children: <>{exportFor('utilisation', m.tabUtilisation)}{table<UtilisationCell & { key: string }>('key', report.utilisation.map((c) => ({ ...c, key: `${c.departmentId}|${c.day}` })), [
        { key: 'departmentName', title: m.department, dataIndex: 'departmentName', width: 130 },
        { key: 'day', title: m.date, dataIndex: 'day', width: 110 }, ...capacity,
      ] as ColumnsType<UtilisationCell & { key: string }>)}</>,
    },
    {
      key: 'resources', label: m.tabResources,
      children: <>{exportFor('resources', m.tabResources)}{table<ResourceRow>('resourceId', report.resources, [
        { key: 'departmentName', title: m.department, dataIndex: 'departmentName', width: 120 },
        { key: 'resourceName', title: m.resource, dataIndex: 'resourceName', width: 220 },
        { key: 'kind', title: m.kind, width: 110, render: (_, r) => <>{m.kinds[r.kind] ?? r.kind} {r.clinicLevel ? <Tag>{m.levels[r.clinicLevel]}</Tag> : r.modality ? <Tag>{r.modality}</Tag> : null}</> },
        ...counters, ...capacity,
      ] as ColumnsType<ResourceRow>)}</>,
    },
    ...(waiting.state === 'ok' ? [{
      key: 'waiting', label: m.tabWaiting,
      children: table<WaitingRow & { key: string }>('key', waiting.rows.map((r) => ({ ...r, key: `${r.departmentId}|${r.date}` })), [
        { key: 'date', title: m.date, dataIndex: 'date', width: 110 },
        { key: 'departmentName', title: m.department, dataIndex: 'departmentName', width: 130 },
        { key: 'count', title: m.patients, dataIndex: 'count', align: 'right', width: 80 },
        { key: 'p50', title: 'P50', dataIndex: 'p50Minutes', align: 'right', width: 80 },
        { key: 'p90', title: 'P90', dataIndex: 'p90Minutes', align: 'right', width: 80 },
        { key: 'avg', title: m.avg, dataIndex: 'avgMinutes', align: 'right', width: 80 },
        { key: 'max', title: m.max, dataIndex: 'maxMinutes', align: 'right', width: 80 },
      ]),
    }] : []),
  ];

  return (
    <Card variant="borderless" title={m.tables} style={{ marginTop: 16 }}>
      <Tabs items={items.map((i) => ({ ...i, children: <div className="stats-table">{i.children}</div> }))} />
    </Card>
  );
}
