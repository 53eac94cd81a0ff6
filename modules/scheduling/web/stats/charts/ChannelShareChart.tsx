import { useMemo } from 'react';
import { Chart, type EChartsOption } from '@kangyun/web-shell/components/Chart';
import { useMessages } from '@kangyun/web-shell/i18n';
import { statsMessages } from '../messages';
import type { ChannelRow } from '../types';

export function ChannelShareChart({ channels }: { channels: ChannelRow[] }) {
  const m = useMessages(statsMessages);
  const option = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
      label: { formatter: '{b} {d}%' },
      data: channels.filter((c) => c.bookings > 0).map((c) => ({ name: m.channels[c.channel], value: c.bookings })),
    }],
  }), [channels, m]);
  return <Chart option={option} height={300} />;
}
