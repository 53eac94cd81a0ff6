import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { statsApi, type StatsFilters } from './api';
import { BookingsByDayChart } from './charts/BookingsByDayChart';
import { ChannelShareChart } from './charts/ChannelShareChart';
import { NoshowByDepartmentChart } from './charts/NoshowByDepartmentChart';
import { UtilisationHeatmap } from './charts/UtilisationHeatmap';
import { WaitingChart } from './charts/WaitingChart';
import { lastDays, monthRange, pct } from './format';
import { statsMessages } from './messages';
import { StatsTables } from './StatsTables';
import { useWaiting, weighted } from './useWaiting';

/**
 * 预约统计: filters in the address bar (so a link shows the same figures), headline figures,
 * charts (bookings per day by channel, channel share, no-show rate by department, utilisation
 * heat map, waiting times from the queue module) and every table with its export.
 */
export default function StatsPage() {
  const m = useMessages(statsMessages);
  const [params, setParams] = useSearchParams();
  const month = monthRange(0);
  const filters: StatsFilters = {
    from: params.get('from') ?? month.from,
    to: params.get('to') ?? month.to,
    departmentId: params.get('departmentId') ? Number(params.get('departmentId')) : undefined,
  };
  const set = (next: Partial<StatsFilters>) => {
    const merged = { ...filters, ...next };
    const search = new URLSearchParams({ from: merged.from, to: merged.to });
    if (merged.departmentId) search.set('departmentId', String(merged.departmentId));
    setParams(search);
  };
  const departments = useRequest((signal) => statsApi.departments(signal), []);
  const report = useRequest((signal) => statsApi.report(filters, signal), [filters.from, filters.to, filters.departmentId]);
  const waiting = useWaiting(filters);
  const data = report.data;
  const days = useMemo(() => data?.daily.map((d) => d.day) ?? [], [data]);
  const presets = [
    { label: m.thisMonth, value: monthRange(0) },
    { label: m.lastMonth, value: monthRange(-1) },
    { label: m.last7, value: lastDays(7) },
    { label: m.last30, value: lastDays(30) },
  ].map((p) => ({ label: p.label, value: [dayjs(p.value.from), dayjs(p.value.to)] as [dayjs.Dayjs, dayjs.Dayjs] }));

  const waitRows = waiting.state === 'ok' ? waiting.rows : [];
  const s = data?.summary;

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(filters.from), dayjs(filters.to)]}
            presets={presets}
            onChange={(v) => v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
            aria-label={m.range}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={m.allDepartments}
            value={filters.departmentId}
            onChange={(v) => set({ departmentId: v })}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            aria-label={m.department}
            data-testid="stats-department"
          />
        </Flex>
      </Card>
      <ProblemAlert error={report.error} onRetry={report.reload} />
      {report.loading && !data ? <Skeleton active /> : null}
      {data && s ? (
        <>
          <Row gutter={[16, 16]} data-testid="stats-kpis">
            <Col xs={12} md={8} xl={4}><Card variant="borderless"><Statistic title={m.bookings} value={s.bookings} /></Card></Col>
            <Col xs={12} md={8} xl={4}><Card variant="borderless"><Statistic title={m.cancelRate} value={pct(s.cancelRate)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.ofBookings(s.cancelled, s.bookings)}</Typography.Text></Card></Col>
            <Col xs={12} md={8} xl={4}><Card variant="borderless"><Statistic title={m.noshowRate} value={pct(s.noshowRate)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.ofDue(s.noshow, s.due)}</Typography.Text></Card></Col>
            <Col xs={12} md={8} xl={4}><Card variant="borderless"><Statistic title={m.utilisation} value={pct(s.utilisation)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.usedOfCapacity(s.used, s.capacity)}</Typography.Text></Card></Col>
            <Col xs={12} md={8} xl={4}><Card variant="borderless"><Statistic title={m.waitP50} value={weighted(waitRows, 'p50Minutes') ?? '—'} suffix={waitRows.length ? m.minuteUnit : undefined} /></Card></Col>
            <Col xs={12} md={8} xl={4}><Card variant="borderless"><Statistic title={m.waitP90} value={weighted(waitRows, 'p90Minutes') ?? '—'} suffix={waitRows.length ? m.minuteUnit : undefined} /></Card></Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>{m.definitions}</Typography.Paragraph>
          {s.bookings === 0 ? <Empty description={m.noData} style={{ margin: 24 }} /> : null}
          <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
            <Col xs={24} xl={16}><Card variant="borderless" title={m.perDayTitle}><BookingsByDayChart daily={data.daily} /></Card></Col>
            <Col xs={24} xl={8}><Card variant="borderless" title={m.channelShareTitle}><ChannelShareChart channels={data.channels} /></Card></Col>
            <Col xs={24} xl={10}><Card variant="borderless" title={m.noshowByDeptTitle}><NoshowByDepartmentChart departments={data.departments} /></Card></Col>
            <Col xs={24} xl={14}>
              <Card variant="borderless" title={m.heatmapTitle} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.heatmapHint}</Typography.Text>}>
                <UtilisationHeatmap cells={data.utilisation} days={days} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card variant="borderless" title={m.waitingTitle} extra={waiting.state === 'ok' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{filters.departmentId ? m.waitingByDay : m.waitingByDept}</Typography.Text> : null}>
                {waiting.state === 'loading' ? <Skeleton active /> : null}
                {waiting.state === 'missing' ? <Alert type="info" showIcon title={m.waitingMissing} /> : null}
                {waiting.state === 'forbidden' ? <Alert type="info" showIcon title={m.waitingForbidden} /> : null}
                {waiting.state === 'error' ? <Alert type="warning" showIcon title={m.waitingMissing} /> : null}
                {waiting.state === 'ok' ? (waiting.rows.length ? <WaitingChart rows={waiting.rows} days={days} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noWaiting} />) : null}
              </Card>
            </Col>
          </Row>
          <StatsTables report={data} filters={filters} waiting={waiting} />
        </>
      ) : null}
    </>
  );
}
