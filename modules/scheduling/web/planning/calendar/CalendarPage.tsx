import { Button, Card, DatePicker, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ExportButtons } from '@kangyun/web-shell/components/ExportButtons';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { planningApi } from '../api';
import { DepartmentSelect } from '../common/pickers';
import { mondayOf, today, ymd } from '../common/time';
import { planningMessages } from '../messages';
import type { Holiday, SessionSummary } from '../types';
import { SessionCard, STATUS_COLOURS } from './SessionCard';
import { SessionDrawer } from './SessionDrawer';
import { TemporarySessionModal } from './TemporarySessionModal';

interface Row { resourceId: number; resourceName: string; departmentName: string; byDay: Map<string, SessionSummary[]> }

/** 排班日历: a week of sessions per resource, coloured by status; the week and department live in the URL */
export default function CalendarPage() {
  const m = useMessages(planningMessages);
  const c = m.calendar;
  const manage = useCan()('schedule.manage');
  const [params, setParams] = useSearchParams();
  const week = mondayOf(params.get('week') ?? today());
  const departmentId = params.get('departmentId') ? Number(params.get('departmentId')) : undefined;
  const from = ymd(week);
  const to = ymd(week.add(6, 'day'));
  const days = Array.from({ length: 7 }, (_, i) => ymd(week.add(i, 'day')));
  const [open, setOpen] = useState<number | null>(null);
  const [temporary, setTemporary] = useState(false);

  const sessions = useRequest((signal) => planningApi.sessions({ from, to, departmentId }, signal), [from, to, departmentId]);
  const years = [...new Set([from.slice(0, 4), to.slice(0, 4)])];
  const holidays = useRequest(async (signal) => (await Promise.all(years.map((y) => planningApi.holidays(Number(y), signal)))).flat(), [years.join()]);
  const holidayOf = useMemo(() => {
    const map = new Map<string, Holiday>();
    // the institution's own entry wins over the region's for the same date (the list has region first)
    for (const h of holidays.data ?? []) map.set(h.day, h);
    return map;
  }, [holidays.data]);

  const rows = useMemo(() => {
    const map = new Map<number, Row>();
    for (const s of sessions.data ?? []) {
      const row = map.get(s.resourceId) ?? { resourceId: s.resourceId, resourceName: s.resourceName, departmentName: s.departmentName, byDay: new Map() };
      row.byDay.set(s.serviceDate, [...(row.byDay.get(s.serviceDate) ?? []), s]);
      map.set(s.resourceId, row);
    }
    return [...map.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh') || a.resourceName.localeCompare(b.resourceName, 'zh'));
  }, [sessions.data]);

  const go = (next: Record<string, string | undefined>) => {
    const search = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) search.set(k, v);
      else search.delete(k);
    }
    setParams(search);
  };

  const dayTitle = (d: string) => {
    const h = holidayOf.get(d);
    const dow = dayjs(d).day() === 0 ? 7 : dayjs(d).day();
    return (
      <div style={{ background: d === today() ? '#e6f4ff' : undefined }}>
        <div>{d.slice(5)} {m.weekdayShort[dow]}</div>
        {h ? <Tag color={h.kind === 'holiday' ? 'red' : 'orange'}>{h.kind === 'holiday' ? h.name : `${h.name} · ${m.weekday[h.worksAs ?? 1]}`}</Tag> : null}
      </div>
    );
  };

  return (
    <>
      <PageHeader title={c.title} subtitle={c.subtitle}
        extra={
          <>
            {manage ? <Button icon={<PlusOutlined />} onClick={() => setTemporary(true)}>{c.temporary}</Button> : null}
            <ExportButtons path="/api/scheduling/sessions/export" query={{ from, to, departmentId }} fileName={`${c.exportName}-${from}`} />
          </>
        } />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <DepartmentSelect value={departmentId} onChange={(v) => go({ departmentId: v ? String(v) : undefined })} onlyWithResources />
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={c.prevWeek} onClick={() => go({ week: ymd(week.subtract(7, 'day')) })} />
            <DatePicker picker="week" value={week} allowClear={false} onChange={(d) => d && go({ week: ymd(d) })} />
            <Button icon={<RightOutlined />} aria-label={c.nextWeek} onClick={() => go({ week: ymd(week.add(7, 'day')) })} />
          </Space.Compact>
          <Button onClick={() => go({ week: undefined })}>{c.thisWeek}</Button>
          <Typography.Text type="secondary">{c.legend}：</Typography.Text>
          {(['open', 'suspended', 'cancelled'] as const).map((st) => <Tag key={st} color={STATUS_COLOURS[st].tag}>{m.sessionStatus[st]}</Tag>)}
        </Flex>
        <ProblemAlert error={sessions.error} onRetry={sessions.reload} />
        {!sessions.loading && !rows.length ? <Empty description={c.noSessions} /> : (
          <Table<Row> rowKey="resourceId" size="small" bordered pagination={false} loading={sessions.loading} dataSource={rows} scroll={{ x: 1110 }}
            columns={[
              {
                title: c.resource, fixed: 'left', width: 170,
                render: (_, r) => (<><div>{r.resourceName}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.departmentName}</Typography.Text></>),
              },
              ...days.map((d) => ({
                title: dayTitle(d), key: d, width: 132,
                render: (_: unknown, r: Row) => (r.byDay.get(d) ?? []).map((s) => <SessionCard key={s.id} session={s} onOpen={() => setOpen(s.id)} />),
              })),
            ]}
          />
        )}
      </Card>
      <SessionDrawer sessionId={open} onClose={() => setOpen(null)} onChanged={sessions.reload} />
      <TemporarySessionModal open={temporary} departmentId={departmentId} onClose={() => setTemporary(false)}
        onCreated={(id) => { setTemporary(false); sessions.reload(); setOpen(id); }} />
    </>
  );
}
