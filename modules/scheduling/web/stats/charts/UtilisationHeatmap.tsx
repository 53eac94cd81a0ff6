import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { Chart, type EChartsOption } from '@kangyun/web-shell/components/Chart';
import { useMessages } from '@kangyun/web-shell/i18n';
import { shortDay } from '../format';
import { statsMessages } from '../messages';
import type { UtilisationCell } from '../types';

// the shell's chart registers line, bar and pie only; this page adds the heat map to the same ECharts
echarts.use([HeatmapChart, VisualMapComponent]);

/** utilisation of each department on each day (cells without capacity stay empty) */
export function UtilisationHeatmap({ cells, days }: { cells: UtilisationCell[]; days: string[] }) {
  const m = useMessages(statsMessages);
  const option = useMemo<EChartsOption>(() => {
    const departments = [...new Map(cells.map((c) => [c.departmentId, c.departmentName])).entries()];
    const dayIndex = new Map(days.map((d, i) => [d, i]));
    const deptIndex = new Map(departments.map(([id], i) => [id, i]));
    const data = cells.filter((c) => c.capacity > 0)
      .map((c) => [dayIndex.get(c.day) ?? 0, deptIndex.get(c.departmentId) ?? 0, Math.round((c.utilisation ?? 0) * 1000) / 10, c.used, c.capacity]);
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const v = (p as { value: number[] }).value;
          return `${departments[v[1]][1]} ${days[v[0]]}<br/>${m.utilisation} ${v[2]}%（${m.usedOfCapacity(v[3], v[4])}）`;
        },
      },
      grid: { left: 100, right: 72, top: 8, bottom: 32 },
      xAxis: { type: 'category', data: days.map(shortDay), splitArea: { show: true } },
      yAxis: { type: 'category', data: departments.map(([, name]) => name), splitArea: { show: true } },
      // the colour follows the utilisation (dimension 2), not the extra used/capacity values of each cell
      visualMap: { dimension: 2, min: 0, max: 100, calculable: false, orient: 'vertical', right: 0, top: 'middle', itemHeight: 120, text: ['100%', '0%'], inRange: { color: ['#f0f9ff', '#69b1ff', '#0958d9'] } },
      series: [{ type: 'heatmap', data, label: { show: days.length <= 14, formatter: (p: unknown) => `${(p as { value: number[] }).value[2]}` } }],
    };
  }, [cells, days, m]);
  const rows = new Set(cells.map((c) => c.departmentId)).size;
  return <Chart option={option} height={Math.max(220, rows * 30 + 60)} />;
}
