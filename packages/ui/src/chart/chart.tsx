import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';
import { useLanguage } from '../i18n/i18n.js';

/** ECharts is fetched with the first chart on screen, so the sign-in page and plain lists do not carry it. */
const loadECharts = () => import('./echarts.js');

/** The option shapes the registered charts and components accept. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | AriaComponentOption
>;

export interface ChartProps {
  option: ChartOption;
  /** SVG (default) is crisp and light for dashboards; canvas for many thousands of points. */
  renderer?: 'svg' | 'canvas';
  height?: number | string;
  width?: number | string;
  /** Replace instead of merging the previous option (e.g. when series are removed). */
  notMerge?: boolean;
  /** Accessible name of the chart (a screen reader cannot read the drawing). */
  ariaLabel?: string;
  /** The ECharts instance, for events or actions; called again after a re-init. */
  onReady?: (chart: EChartsType) => void;
  className?: string;
  style?: CSSProperties;
}

/** A thin React wrapper over ECharts: init on mount, setOption on change, resize with its box, dispose on unmount. */
export function Chart({
  option,
  renderer = 'svg',
  height = 320,
  width = '100%',
  notMerge = false,
  ariaLabel,
  onReady,
  className,
  style,
}: ChartProps) {
  const { language } = useLanguage();
  const locale = language === 'en' ? 'EN' : 'ZH';
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ option, notMerge, onReady });
  latest.current = { option, notMerge, onReady };

  useEffect(() => {
    const dom = container.current;
    if (!dom) return;
    let unmounted = false;
    let observer: ResizeObserver | undefined;
    void loadECharts().then(({ init }) => {
      if (unmounted) return;
      const instance = init(dom, undefined, { renderer, locale });
      chart.current = instance;
      instance.setOption(latest.current.option, { notMerge: true });
      latest.current.onReady?.(instance);
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(dom);
    });
    return () => {
      unmounted = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [renderer, locale]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge });
  }, [option, notMerge]);

  return (
    <div
      ref={container}
      className={className}
      role="img"
      aria-label={ariaLabel}
      style={{ width, height, ...style }}
    />
  );
}
