import { useMemo } from 'react';
import { Chart, type EChartsOption } from '@kangyun/web-shell/components/Chart';
import { useMessages } from '@kangyun/web-shell/i18n';
import { shortDay } from '../format';
import { statsMessages } from '../messages';
import type { WaitingRow } from '../types';
import { weighted } from '../useWaiting';

/** one department: P50/P90 per day; several: each department's patient-weighted P50/P90 */
export function WaitingChart({ rows, days }: { rows: WaitingRow[]; days: string[] }) {
  const m = useMessages(statsMessages);
  const option = useMemo<EChartsOption>(() => {
    const departments = [...new Map(rows.map((r) => [r.departmentId, r.departmentName])).entries()];
    if (departments.length <= 1) {
      const byDay = new Map(rows.map((r) => [r.date, r]));
      return {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 48 },
        xAxis: { type: 'category', data: days.map(shortDay) },
        yAxis: { type: 'value', name: m.minuteUnit },
        series: [
          { name: 'P50', type: 'line', connectNulls: true, data: days.map((d) => byDay.get(d)?.p50Minutes ?? null) },
          { name: 'P90', type: 'line', connectNulls: true, data: days.map((d) => byDay.get(d)?.p90Minutes ?? null) },
        ],
      };
    }
    const per = departments.map(([id, name]) => {
      const own = rows.filter((r) => r.departmentId === id);
      return { name, p50: weighted(own, 'p50Minutes'), p90: weighted(own, 'p90Minutes') };
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 100, right: 24, top: 8, bottom: 40 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: per.map((d) => d.name) },
      series: [
        { name: 'P50', type: 'bar', data: per.map((d) => d.p50) },
        { name: 'P90', type: 'bar', data: per.map((d) => d.p90) },
      ],
    };
  }, [rows, days, m]);
  return <Chart option={option} height={280} />;
}
