import { useMemo } from 'react';
import { Chart, type EChartsOption } from '@kangyun/web-shell/components/Chart';
import { useMessages } from '@kangyun/web-shell/i18n';
import { shortDay } from '../format';
import { statsMessages } from '../messages';
import { CHANNELS, type DailyRow } from '../types';

/** bookings per day, one stacked colour per channel */
export function BookingsByDayChart({ daily }: { daily: DailyRow[] }) {
  const m = useMessages(statsMessages);
  const option = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: daily.map((d) => shortDay(d.day)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: CHANNELS.map((c) => ({
      name: m.channels[c], type: 'bar', stack: 'bookings', emphasis: { focus: 'series' }, data: daily.map((d) => d.byChannel[c] ?? 0),
    })),
  }), [daily, m]);
  return <Chart option={option} height={300} />;
}
