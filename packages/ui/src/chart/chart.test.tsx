import { getInstanceByDom } from 'echarts/core';
import { describe, expect, test, vi } from 'vitest';
import { renderWithSafety } from '../test-utils/render.js';
import { Chart, type ChartOption } from './chart.js';

const towns = ['三雷镇', '东坝镇', '红沙岗镇'];
const bar = (title: string, values: number[]): ChartOption => ({
  title: { text: title },
  tooltip: {},
  legend: {},
  xAxis: { type: 'category', data: towns },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', name: '隐患', data: values }],
  animation: false,
});

describe('Chart', () => {
  test('draws an SVG chart, updates it when the option changes, and disposes on unmount', async () => {
    const onReady = vi.fn();
    const screen = await renderWithSafety(
      <Chart option={bar('各镇隐患数量', [3, 5, 8])} ariaLabel="各镇隐患数量柱状图" onReady={onReady} />,
    );
    const box = screen.getByRole('img', { name: '各镇隐患数量柱状图' });
    await expect.element(box).toBeVisible();
    const dom = box.element() as HTMLDivElement;
    await vi.waitFor(() => expect(dom.querySelector('svg')).not.toBeNull());
    expect(dom.querySelector('svg')).toHaveTextContent('各镇隐患数量');
    expect(dom.querySelector('svg')).toHaveTextContent('红沙岗镇');
    expect(dom.querySelectorAll('svg path').length).toBeGreaterThan(3);
    expect(onReady).toHaveBeenCalledOnce();

    await screen.rerender(<Chart option={bar('各镇重大隐患', [0, 1, 2])} ariaLabel="各镇隐患数量柱状图" />);
    await vi.waitFor(() => expect(dom.querySelector('svg')).toHaveTextContent('各镇重大隐患'));
    expect(getInstanceByDom(dom)).toBeDefined();

    await screen.unmount();
    expect(getInstanceByDom(dom)).toBeUndefined();
  });

  test('follows its box when it resizes', async () => {
    const screen = await renderWithSafety(
      <div data-testid="box" style={{ width: 300 }}>
        <Chart option={bar('趋势', [1, 2, 3])} height={200} ariaLabel="趋势" />
      </div>,
    );
    const dom = screen.getByRole('img', { name: '趋势' }).element() as HTMLDivElement;
    await vi.waitFor(() => expect(getInstanceByDom(dom)?.getWidth()).toBe(300));
    (screen.getByTestId('box').element() as HTMLElement).style.width = '360px';
    await vi.waitFor(() => expect(getInstanceByDom(dom)?.getWidth()).toBe(360));
  });

  test('renders a pie chart on canvas', async () => {
    const screen = await renderWithSafety(
      <Chart
        renderer="canvas"
        ariaLabel="风险等级分布"
        option={{
          series: [
            {
              type: 'pie',
              data: [
                { name: '重大风险', value: 3 },
                { name: '低风险', value: 50 },
              ],
            },
          ],
        }}
      />,
    );
    const dom = screen.getByRole('img', { name: '风险等级分布' }).element() as HTMLDivElement;
    await vi.waitFor(() => expect(dom.querySelector('canvas')).not.toBeNull());
  });
});
