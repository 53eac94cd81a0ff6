import { Button, Card, Col, Row, Skeleton, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { Chart, type EChartsOption } from '../../components/Chart';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRequest } from '../../hooks/useRequest';
import { useMessages } from '../../i18n';
import { shellMessages } from '../../messages';

interface StatRow {
  day: string;
  action: string;
  count: number;
}

const DAYS = 14;

/** Audit events per day over the last two weeks, for audit administrators. */
export function AuditTrendCard() {
  const m = useMessages(shellMessages);
  const fromDay = dayjs().subtract(DAYS - 1, 'day').format('YYYY-MM-DD');
  const stats = useRequest(
    (signal) =>
      api.get<StatRow[]>(
        '/api/audit/stats',
        { from: dayjs(fromDay).startOf('day').toISOString(), to: dayjs().endOf('day').toISOString() },
        signal,
      ),
    [fromDay],
  );

  const { days, counts, total } = useMemo(() => {
    const perDay = new Map<string, number>();
    for (const row of stats.data ?? []) {
      const key = dayjs(row.day).format('YYYY-MM-DD');
      perDay.set(key, (perDay.get(key) ?? 0) + row.count);
    }
    // the server groups by its own (regional) calendar day, which may run ahead of the browser's
    const local = Array.from({ length: DAYS }, (_, i) => dayjs(fromDay).add(i, 'day').format('YYYY-MM-DD'));
    const keys = Array.from(new Set([...local, ...perDay.keys()])).sort().slice(-DAYS);
    const values = keys.map((k) => perDay.get(k) ?? 0);
    return { days: keys, counts: values, total: values.reduce((a, b) => a + b, 0) };
  }, [stats.data, fromDay]);

  const option: EChartsOption = {
    grid: { left: 40, right: 12, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: m.events, type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: counts }],
  };

  return (
    <Card
      title={m.auditTrend}
      variant="borderless"
      extra={
        <Link to="/audit">
          <Button type="link" size="small">
            {m.viewAll}
          </Button>
        </Link>
      }
    >
      <ProblemAlert error={stats.error} onRetry={stats.reload} />
      {stats.loading && !stats.data ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 8 }}>
            <Col span={12}>
              <Statistic title={m.auditTotal} value={total} />
            </Col>
            <Col span={12}>
              <Statistic title={m.auditToday} value={counts[counts.length - 1] ?? 0} />
            </Col>
          </Row>
          <Chart option={option} height={200} />
        </>
      )}
    </Card>
  );
}
