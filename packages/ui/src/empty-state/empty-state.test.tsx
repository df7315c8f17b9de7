import { describe, expect, test, vi } from 'vitest';
import { renderWithSafety } from '../test-utils/render.js';
import { EmptyState } from './empty-state.js';

describe('EmptyState', () => {
  test('says what is missing, what to do, and offers the next step', async () => {
    const onClick = vi.fn();
    const screen = await renderWithSafety(
      <EmptyState
        title="还没有隐患记录"
        description="点击“上报隐患”登记第一条隐患。"
        action={{ label: '上报隐患', onClick }}
      />,
    );
    await expect.element(screen.getByRole('heading', { name: '还没有隐患记录' })).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('点击“上报隐患”登记第一条隐患。');
    await screen.getByRole('button', { name: '上报隐患' }).click();
    expect(onClick).toHaveBeenCalledOnce();
  });

  test('has no button without an action', async () => {
    const screen = await renderWithSafety(<EmptyState title="暂无培训计划" image="simple" />);
    await expect.element(screen.getByRole('heading', { name: '暂无培训计划' })).toBeVisible();
    expect(screen.container.querySelector('button')).toBeNull();
  });
});
