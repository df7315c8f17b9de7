import { describe, expect, test } from 'vitest';
import { renderWithSafety } from '../test-utils/render.js';
import { StatusTag, type StatusVariants } from './status-tag.js';

type DutyListStatus = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED';
const variants: StatusVariants<DutyListStatus> = {
  DRAFT: { colour: 'default', labelKey: '草稿' },
  SUBMITTED: { colour: 'processing', labelKey: '已提交' },
  PUBLISHED: { colour: '#389e0d', labelKey: '已发布' },
};

describe('StatusTag', () => {
  test('shows the label and the colour of the status from the map', async () => {
    const screen = await renderWithSafety(<StatusTag status="SUBMITTED" variants={variants} />);
    const tag = screen.getByText('已提交');
    await expect.element(tag).toBeVisible();
    expect(tag.element()).toHaveClass('ant-tag-processing');
  });

  test('accepts a hex colour', async () => {
    const screen = await renderWithSafety(<StatusTag status="PUBLISHED" variants={variants} />);
    const el = screen.getByText('已发布').element() as HTMLElement;
    expect(getComputedStyle(el).color).toBe('rgb(56, 158, 13)');
  });

  test('falls back to the raw code for an unknown status', async () => {
    const screen = await renderWithSafety(
      <StatusTag status={'ARCHIVED' as DutyListStatus} variants={variants} />,
    );
    await expect.element(screen.getByText('ARCHIVED')).toHaveAttribute('data-status', 'ARCHIVED');
  });
});
