// The ECharts build of our charts, loaded lazily by chart.tsx. Tree-shaken: only what is registered
// here reaches the bundles. Add a chart type here, once, when needed (and its option type in chart.tsx).
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  AriaComponent,
  SVGRenderer,
  CanvasRenderer,
]);

export { init };
