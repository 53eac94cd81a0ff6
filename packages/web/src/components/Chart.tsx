import { Skeleton } from 'antd';
import { lazy, Suspense, type CSSProperties } from 'react';
import type { EChartsOption } from 'echarts';

export type { EChartsOption };

const ChartImpl = lazy(() => import('./ChartImpl'));

/** An ECharts chart; the charting library is loaded only when a chart is first shown. */
export function Chart(props: { option: EChartsOption; height?: number; style?: CSSProperties }) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 280 }} />}>
      <ChartImpl {...props} />
    </Suspense>
  );
}
