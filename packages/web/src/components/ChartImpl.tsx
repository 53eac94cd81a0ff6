import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import type { CSSProperties } from 'react';

echarts.use([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, TitleComponent, CanvasRenderer]);



/** ECharts with only the chart types the platform uses (line, bar, pie), to keep the bundle small. */
export default function ChartImpl({ option, height = 280, style }: { option: EChartsOption; height?: number; style?: CSSProperties }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      lazyUpdate
      style={{ height, width: '100%', ...style }}
      opts={{ renderer: 'canvas' }}
    />
  );
}
