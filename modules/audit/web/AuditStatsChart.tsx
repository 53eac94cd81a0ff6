import { Card, Empty, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Chart, type EChartsOption } from '@kangyun/web-shell/components/Chart';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { auditApi } from './api';
import { auditMessages } from './messages';
import type { AuditStat } from './types';
import { useActionLabel } from './useActionLabel';

const TOP_ACTIONS = 8;

/** Stacked bars: events per day, one colour per action (the rest folded into “其他”). */
export function AuditStatsChart({ from, to, onActions }: { from?: string; to?: string; onActions?: (actions: string[]) => void }) {
  const m = useMessages(auditMessages);
  const actionLabel = useActionLabel();
  const range = useMemo(() => {
    const end = to ? dayjs(to) : dayjs().endOf('day');
    const start = from ? dayjs(from) : end.subtract(6, 'day').startOf('day'); // the server's default window
    return { from: start.toISOString(), to: end.toISOString() };
  }, [from, to]);
  const stats = useRequest(
    async (signal) => {
      const rows = await auditApi.stats(range.from, range.to, signal);
      onActions?.(Array.from(new Set(rows.map((r) => r.action))));
      return rows;
    },
    [range.from, range.to],
  );

  const option = useMemo<EChartsOption | null>(() => {
    const rows: AuditStat[] = stats.data ?? [];
    if (!rows.length) return null;
    const totals = new Map<string, number>();
    rows.forEach((r) => totals.set(r.action, (totals.get(r.action) ?? 0) + r.count));
    const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_ACTIONS).map(([a]) => a);
    const other = m.otherActions;
    const span: string[] = [];
    for (let d = dayjs(range.from).startOf('day'); !d.isAfter(dayjs(range.to), 'day'); d = d.add(1, 'day')) span.push(d.format('YYYY-MM-DD'));
    // the server groups by its own (regional) calendar day, which may differ from the browser's
    const days = Array.from(new Set([...span, ...rows.map((r) => dayjs(r.day).format('YYYY-MM-DD'))])).sort();
    const series = new Map<string, number[]>();
    const dayIndex = new Map(days.map((d, i) => [d, i]));
    for (const r of rows) {
      const key = top.includes(r.action) ? r.action : other;
      const i = dayIndex.get(dayjs(r.day).format('YYYY-MM-DD'));
      if (i === undefined) continue;
      const data = series.get(key) ?? new Array<number>(days.length).fill(0);
      data[i] += r.count;
      series.set(key, data);
    }
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [...series.entries()].map(([action, data]) => ({
        name: action === other ? other : actionLabel(action),
        type: 'bar',
        stack: 'events',
        emphasis: { focus: 'series' },
        data,
      })),
    };
  }, [stats.data, range, actionLabel, m]);

  return (
    <Card variant="borderless" title={m.chartTitle}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
        {m.chartHint}
      </Typography.Paragraph>
      <ProblemAlert error={stats.error} onRetry={stats.reload} />
      {stats.loading && !stats.data ? <Skeleton active /> : option ? <Chart option={option} height={300} /> : <Empty description={m.noData} />}
    </Card>
  );
}
