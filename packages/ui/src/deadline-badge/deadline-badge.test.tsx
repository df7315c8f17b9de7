import { describe, expect, test } from 'vitest';
import { renderWithSafety } from '../test-utils/render.js';
import { deadlineState } from './deadline.js';
import { DeadlineBadge } from './deadline-badge.js';

const TODAY = '2025-06-20';

describe('DeadlineBadge', () => {
  test.each([
    {
      deadline: '2025-06-30',
      closed: false,
      text: '剩余 10 天',
      urgency: 'ON_TRACK',
      cls: 'ant-tag-processing',
    },
    { deadline: '2025-06-23', closed: false, text: '剩余 3 天', urgency: 'DUE_SOON', cls: 'ant-tag-warning' },
    { deadline: '2025-06-21', closed: false, text: '剩余 1 天', urgency: 'DUE_SOON', cls: 'ant-tag-warning' },
    { deadline: '2025-06-20', closed: false, text: '今日到期', urgency: 'DUE_TODAY', cls: 'ant-tag-volcano' },
    { deadline: '2025-06-19', closed: false, text: '逾期 1 天', urgency: 'OVERDUE', cls: 'ant-tag-error' },
    { deadline: '2025-05-21', closed: false, text: '逾期 30 天', urgency: 'OVERDUE', cls: 'ant-tag-error' },
    { deadline: '2025-05-21', closed: true, text: '已完成', urgency: 'DONE', cls: 'ant-tag-success' },
  ])('$deadline (closed: $closed) → $text', async ({ deadline, closed, text, urgency, cls }) => {
    const screen = await renderWithSafety(
      <DeadlineBadge deadline={deadline} today={TODAY} closed={closed} />,
    );
    const badge = screen.getByText(text);
    await expect.element(badge).toBeVisible();
    expect(badge.element()).toHaveAttribute('data-urgency', urgency);
    expect(badge.element()).toHaveClass(cls);
    expect(badge.element()).toHaveAttribute('title', `截止日期：${deadline}`);
  });

  test('"today" is the Shanghai calendar day, not the UTC one', () => {
    // 2025-06-20 17:00 UTC is already 21 June 01:00 in Shanghai.
    expect(deadlineState('2025-06-21', new Date('2025-06-20T17:00:00Z'))).toEqual({
      urgency: 'DUE_TODAY',
      days: 0,
    });
    expect(deadlineState('2025-06-21', new Date('2025-06-20T15:00:00Z'))).toEqual({
      urgency: 'DUE_SOON',
      days: 1,
    });
  });

  test('pluralises in English', async () => {
    const screen = await renderWithSafety(
      <>
        <DeadlineBadge deadline="2025-06-21" today={TODAY} />
        <DeadlineBadge deadline="2025-06-15" today={TODAY} />
      </>,
      'en',
    );
    await expect.element(screen.getByText('1 day left')).toBeVisible();
    await expect.element(screen.getByText('5 days overdue')).toBeVisible();
  });

  test('defaults "today" to now', async () => {
    const screen = await renderWithSafety(<DeadlineBadge deadline="2000-01-01" />);
    await expect.element(screen.getByText(/^逾期 \d+ 天$/)).toBeVisible();
  });
});
