import { describe, expect, test } from 'vitest';
import { renderWithSafety } from '../test-utils/render.js';
import { RISK_LEVELS, type RiskLevel, RiskLevelTag } from './risk-level-tag.js';

const expected: Array<[RiskLevel, string, string, string]> = [
  ['MAJOR', '重大风险', 'rgb(207, 19, 34)', '红色'],
  ['HIGH', '较大风险', 'rgb(250, 140, 22)', '橙色'],
  ['MODERATE', '一般风险', 'rgb(250, 219, 20)', '黄色'],
  ['LOW', '低风险', 'rgb(9, 88, 217)', '蓝色'],
];

describe('RiskLevelTag', () => {
  test.each(expected)('%s reads %s on its national colour', async (level, label, rgb, colourName) => {
    const screen = await renderWithSafety(<RiskLevelTag level={level} />);
    const tag = screen.getByText(label);
    await expect.element(tag).toBeVisible();
    const el = tag.element() as HTMLElement;
    expect(getComputedStyle(el).backgroundColor).toBe(rgb);
    expect(el).toHaveAttribute('title', `风险等级：${label}（${colourName}）`);
  });

  test('text colour keeps contrast: dark on yellow and orange, white on red and blue', async () => {
    const screen = await renderWithSafety(
      <div>
        {RISK_LEVELS.map((level) => (
          <RiskLevelTag key={level} level={level} />
        ))}
      </div>,
    );
    const textColour = (label: string) => getComputedStyle(screen.getByText(label).element()).color;
    expect(textColour('重大风险')).toBe('rgb(255, 255, 255)');
    expect(textColour('较大风险')).toBe('rgb(31, 31, 31)');
    expect(textColour('一般风险')).toBe('rgb(31, 31, 31)');
    expect(textColour('低风险')).toBe('rgb(255, 255, 255)');
  });

  test('speaks English when the language is English', async () => {
    const screen = await renderWithSafety(<RiskLevelTag level="MAJOR" />, 'en');
    await expect
      .element(screen.getByText('Major risk'))
      .toHaveAttribute('title', 'Risk level：Major risk（red）');
  });
});
