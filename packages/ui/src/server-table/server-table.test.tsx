import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { renderWithSafety } from '../test-utils/render.js';
import { ServerTable, type ServerTableColumn } from './server-table.js';

interface Hazard {
  id: string;
  title: string;
  town: string;
  grade: string;
}

const columns: ServerTableColumn<Hazard>[] = [
  { key: 'title', title: '隐患名称', hideable: false },
  { key: 'town', title: '所在乡镇' },
  { key: 'grade', title: '隐患等级' },
];
const nodes: Hazard[] = [
  { id: 'h1', title: '泵房未装气体检测报警仪（演示）', town: '红沙岗镇', grade: '重大' },
  { id: 'h2', title: '消防通道堵塞（演示）', town: '三雷镇', grade: '一般' },
];

function renderTable(props: Partial<Parameters<typeof ServerTable<Hazard>>[0]> = {}) {
  return renderWithSafety(
    <ServerTable<Hazard>
      tableId="hazards-test"
      columns={columns}
      nodes={nodes}
      rowKey="id"
      totalCount={42}
      pageInfo={{ hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' }}
      onNext={() => {}}
      onPrev={() => {}}
      filters={[
        { key: 'keyword', label: '关键词', type: 'text' },
        {
          key: 'grade',
          label: '隐患等级',
          type: 'select',
          options: [
            { value: 'MAJOR', label: '重大' },
            { value: 'GENERAL', label: '一般' },
          ],
        },
      ]}
      {...props}
    />,
  );
}

/** Keep the runner's own path; only the query string is ours. */
const original = window.location.href;
const setSearch = (search: string) =>
  window.history.replaceState(null, '', `${window.location.pathname}${search}`);

describe('ServerTable', () => {
  beforeEach(() => {
    window.localStorage.clear();
    setSearch('?other=1');
  });
  afterEach(() => window.history.replaceState(null, '', original));

  test('shows the rows and the total, and pages by cursor', async () => {
    const onNext = vi.fn();
    const onPrev = vi.fn();
    const screen = await renderTable({ onNext, onPrev });
    await expect.element(screen.getByRole('cell', { name: '消防通道堵塞（演示）' })).toBeVisible();
    await expect.element(screen.getByText('共 42 条')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: '上一页' })).toBeDisabled();
    await screen.getByRole('button', { name: '下一页' }).click();
    expect(onNext).toHaveBeenCalledWith('c2');
    expect(onPrev).not.toHaveBeenCalled();
  });

  test('reads filters from the URL and writes them back', async () => {
    setSearch('?other=1&grade=MAJOR');
    const onFiltersChange = vi.fn();
    const screen = await renderTable({ onFiltersChange });
    expect(onFiltersChange).toHaveBeenLastCalledWith({ grade: 'MAJOR' });
    const keyword = screen.getByPlaceholder('关键词');
    await userEvent.fill(keyword, '气体');
    await userEvent.keyboard('{Enter}');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ keyword: '气体', grade: 'MAJOR' });
    const params = new URLSearchParams(window.location.search);
    expect(params.get('keyword')).toBe('气体');
    expect(params.get('other')).toBe('1');
  });

  test('hides a column and remembers it in localStorage', async () => {
    const first = await renderTable();
    await expect.element(first.getByRole('columnheader', { name: '所在乡镇' })).toBeVisible();
    await first.getByRole('button', { name: '列设置' }).click();
    await first.getByRole('checkbox', { name: '所在乡镇' }).click();
    await expect.element(first.getByRole('columnheader', { name: '所在乡镇' })).not.toBeInTheDocument();
    await expect.element(first.getByRole('checkbox', { name: '隐患名称' })).toBeDisabled();
    expect(JSON.parse(window.localStorage.getItem('safety-ui:table-columns:hazards-test')!)).toEqual([
      'town',
    ]);
    await first.unmount();

    const second = await renderTable();
    await expect.element(second.getByRole('columnheader', { name: '隐患等级' })).toBeVisible();
    await expect.element(second.getByRole('columnheader', { name: '所在乡镇' })).not.toBeInTheDocument();
  });
});
