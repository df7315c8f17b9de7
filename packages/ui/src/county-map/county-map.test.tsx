import { describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { RISK_LEVEL_VARIANTS } from '../risk-level-tag/risk-level-tag.js';
import { renderWithSafety } from '../test-utils/render.js';
import { colourScale, NO_DATA_COLOUR, RISK_LEVEL_RANK, SEQUENTIAL_BLUES } from './colour-scale.js';
import { COUNTY_MAP_TOWNS } from './county-map.data.js';
import { CountyMap } from './county-map.js';

const SANLEI = '620621100';
const HONGSHAGANG = '620621105';
const NANHU = '620621117';

const town = (root: Element, code: string) => root.querySelector(`[data-town-code="${code}"]`) as SVGElement;

describe('CountyMap', () => {
  test('draws the 18 towns offline, each with its name as an accessible title', async () => {
    const screen = await renderWithSafety(<CountyMap values={{}} title="隐患数量" />);
    const map = screen.getByRole('img', { name: '民勤县各镇分布示意图：隐患数量' });
    await expect.element(map).toBeVisible();
    const shapes = map.element().querySelectorAll('polygon[data-town-code]');
    expect(shapes).toHaveLength(18);
    expect([...shapes].map((s) => s.getAttribute('data-town-code'))).toEqual(
      Array.from({ length: 18 }, (_, i) => `620621${100 + i}`),
    );
    expect(town(map.element(), HONGSHAGANG).querySelector('title')).toHaveTextContent('红沙岗镇：无数据');
    expect(map.element().querySelector('image, foreignObject')).toBeNull(); // no tiles
    await expect.element(screen.getByText('示意图，非测绘边界')).toBeVisible();
  });

  test("a town's fill follows its value on the scale, and the legend shows the thresholds", async () => {
    const scale = colourScale([0, 5, 10]);
    const screen = await renderWithSafety(
      <CountyMap values={{ [SANLEI]: 12, [HONGSHAGANG]: 6, [NANHU]: 0 }} scale={scale} />,
    );
    const map = screen.getByRole('img').element();
    expect(town(map, SANLEI)).toHaveAttribute('fill', SEQUENTIAL_BLUES[4]);
    expect(town(map, HONGSHAGANG)).toHaveAttribute('fill', SEQUENTIAL_BLUES[2]);
    expect(town(map, NANHU)).toHaveAttribute('fill', SEQUENTIAL_BLUES[0]);
    expect(town(map, '620621101')).toHaveAttribute('fill', NO_DATA_COLOUR);
    expect(town(map, SANLEI).querySelector('title')).toHaveTextContent('三雷镇：12');

    const legend = screen.getByRole('list', { name: '图例' });
    const items = legend.element().querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(['0–4', '5–9', '≥ 10', '无数据']);

    await screen.rerender(<CountyMap values={{ [SANLEI]: 3 }} scale={scale} />);
    expect(town(map, SANLEI)).toHaveAttribute('fill', SEQUENTIAL_BLUES[0]);
  });

  test('defaults to five equal classes of blues up to the largest value', async () => {
    const values = Object.fromEntries(COUNTY_MAP_TOWNS.map((t, i) => [t.code, i]));
    const screen = await renderWithSafety(<CountyMap values={values} />);
    const map = screen.getByRole('img').element();
    expect(town(map, SANLEI)).toHaveAttribute('fill', SEQUENTIAL_BLUES[0]);
    expect(town(map, NANHU)).toHaveAttribute('fill', SEQUENTIAL_BLUES[4]);
    const items = screen.getByRole('list').element().querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(['0–3', '4–7', '8–11', '12–15', '≥ 16']);
  });

  test('riskLevels mode uses the four national colours and names the levels', async () => {
    const screen = await renderWithSafety(
      <CountyMap
        mode="riskLevels"
        values={{ [SANLEI]: RISK_LEVEL_RANK.MAJOR, [HONGSHAGANG]: RISK_LEVEL_RANK.LOW, [NANHU]: 3 }}
      />,
    );
    const map = screen.getByRole('img').element();
    expect(town(map, SANLEI)).toHaveAttribute('fill', RISK_LEVEL_VARIANTS.MAJOR.colour);
    expect(town(map, HONGSHAGANG)).toHaveAttribute('fill', RISK_LEVEL_VARIANTS.LOW.colour);
    expect(town(map, NANHU)).toHaveAttribute('fill', RISK_LEVEL_VARIANTS.HIGH.colour);
    expect(town(map, SANLEI).querySelector('title')).toHaveTextContent('三雷镇：重大风险');
    const items = screen.getByRole('list').element().querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual([
      '低风险',
      '一般风险',
      '较大风险',
      '重大风险',
      '无数据',
    ]);
  });

  test('clicking or pressing Enter on a town calls onSelect with its code; hovering shows a tooltip', async () => {
    const onSelect = vi.fn();
    const screen = await renderWithSafety(<CountyMap values={{ [HONGSHAGANG]: 7 }} onSelect={onSelect} />);
    const map = screen.getByRole('img').element();

    await userEvent.click(town(map, HONGSHAGANG));
    expect(onSelect).toHaveBeenLastCalledWith(HONGSHAGANG);
    await expect.element(screen.getByRole('tooltip')).toHaveTextContent('红沙岗镇：7');

    await userEvent.click(town(map, SANLEI));
    expect(onSelect).toHaveBeenLastCalledWith(SANLEI);

    town(map, NANHU).focus();
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(NANHU);
    await expect.element(screen.getByRole('tooltip')).toHaveTextContent('南湖镇：无数据');
  });

  test('speaks English when the language is English', async () => {
    const screen = await renderWithSafety(<CountyMap values={{ [SANLEI]: 2 }} />, 'en');
    const map = screen.getByRole('img', { name: 'Schematic map of the towns of Minqin County' });
    expect(town(map.element(), SANLEI).querySelector('title')).toHaveTextContent('Sanlei: 2');
    await expect.element(screen.getByText('Schematic, not surveyed boundaries')).toBeVisible();
  });
});
