export { Chart, type ChartOption, type ChartProps } from './chart.js';
