import { describe, expect, test } from 'vitest';
import type { StatusVariants } from '../status-tag/status-tag.js';
import { renderWithSafety } from '../test-utils/render.js';
import { StatusTimeline, type StatusTransition } from './status-timeline.js';

type Status = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'PUBLISHED';
const variants: StatusVariants<Status> = {
  DRAFT: { colour: 'default', labelKey: '草稿' },
  SUBMITTED: { colour: 'processing', labelKey: '已提交' },
  RETURNED: { colour: 'error', labelKey: '已退回' },
  PUBLISHED: { colour: 'success', labelKey: '已发布' },
};

const history: StatusTransition<Status>[] = [
  { from: null, to: 'DRAFT', actor: '李（演示）', at: '2025-03-01T01:00:00Z' },
  { from: 'DRAFT', to: 'SUBMITTED', actor: '李（演示）', at: '2025-03-02T02:30:00Z' },
  {
    from: 'SUBMITTED',
    to: 'RETURNED',
    actor: '张（演示）县长',
    at: '2025-03-03T16:10:00Z',
    reason: '缺少责任人',
  },
];

describe('StatusTimeline', () => {
  test('lists each transition with statuses, actor, Shanghai time and reason', async () => {
    const screen = await renderWithSafety(<StatusTimeline transitions={history} variants={variants} />);
    const rows = screen.getByTestId('status-transition');
    expect(rows.elements()).toHaveLength(3);
    await expect.element(rows.nth(0)).toHaveTextContent('创建→草稿');
    await expect.element(rows.nth(2)).toHaveTextContent('已提交→已退回');
    await expect.element(rows.nth(2)).toHaveTextContent('操作人：张（演示）县长');
    await expect.element(rows.nth(2)).toHaveTextContent('原因：缺少责任人');
    // 16:10 UTC is past midnight in Shanghai.
    await expect.element(screen.getByText('2025-03-04 00:10')).toBeVisible();
    expect(screen.getByText('已退回').element()).toHaveClass('ant-tag-error');
  });

  test('can show the newest first', async () => {
    const screen = await renderWithSafety(
      <StatusTimeline transitions={history} variants={variants} newestFirst />,
    );
    await expect.element(screen.getByTestId('status-transition').first()).toHaveTextContent('已退回');
  });

  test('says so when there is no history', async () => {
    const screen = await renderWithSafety(<StatusTimeline transitions={[]} variants={variants} />);
    await expect.element(screen.getByText('暂无状态变更记录')).toBeVisible();
  });
});
