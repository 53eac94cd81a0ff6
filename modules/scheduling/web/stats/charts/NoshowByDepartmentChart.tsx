import { Empty } from 'antd';
import { useMemo } from 'react';
import { Chart, type EChartsOption } from '@kangyun/web-shell/components/Chart';
import { useMessages } from '@kangyun/web-shell/i18n';
import { statsMessages } from '../messages';
import type { DepartmentRow } from '../types';

/** no-show rate of the departments that had appointments due, highest first */
export function NoshowByDepartmentChart({ departments }: { departments: DepartmentRow[] }) {
  const m = useMessages(statsMessages);
  const rows = useMemo(() => departments.filter((d) => d.due > 0).sort((a, b) => (a.noshowRate ?? 0) - (b.noshowRate ?? 0)), [departments]);
  const option = useMemo<EChartsOption>(() => ({
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = (params as { dataIndex: number }[])[0];
        const d = rows[p.dataIndex];
        return `${d.departmentName}<br/>${m.noshowRate} ${((d.noshowRate ?? 0) * 100).toFixed(1)}%（${m.ofDue(d.noshow, d.due)}）`;
      },
    },
    grid: { left: 100, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((d) => d.departmentName) },
    series: [{ type: 'bar', data: rows.map((d) => Math.round((d.noshowRate ?? 0) * 1000) / 10), label: { show: true, position: 'right', formatter: '{c}%' }, itemStyle: { color: '#fa541c' } }],
  }), [rows, m]);
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noDue} />;
  return <Chart option={option} height={Math.max(200, rows.length * 28 + 40)} />;
}
