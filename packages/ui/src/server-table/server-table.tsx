import { SettingOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Input,
  Popover,
  Select,
  Space,
  Table,
  type TableColumnType,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../i18n/i18n.js';

/** Relay-style page info, as the services' connections return it (architecture §5, "Pagination"). */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export interface ServerTableColumn<T> extends Omit<TableColumnType<T>, 'key' | 'title'> {
  key: string;
  title: ReactNode;
  /** The user may hide it (default true). */
  hideable?: boolean;
  /** Hidden until the user shows it. */
  defaultHidden?: boolean;
}

/** A filter kept in the URL search params under `key`, so a filtered list can be bookmarked and shared. */
export interface ServerTableFilter {
  key: string;
  label: string;
  type: 'text' | 'select';
  options?: ReadonlyArray<{ value: string; label: ReactNode }>;
}

export type FilterValues = Record<string, string>;

export interface ServerTableProps<T> {
  /** Names the table in localStorage (column visibility). */
  tableId: string;
  columns: ReadonlyArray<ServerTableColumn<T>>;
  nodes: readonly T[];
  rowKey: string | ((row: T) => string);
  pageInfo: PageInfo;
  totalCount: number;
  loading?: boolean;
  onNext: (endCursor: string | null | undefined) => void;
  onPrev: (startCursor: string | null | undefined) => void;
  filters?: readonly ServerTableFilter[];
  /** Called with the URL's filters on mount and on every change; refetch from the first page here. */
  onFiltersChange?: (values: FilterValues) => void;
  /** Shown when there are no rows (e.g. an EmptyState saying what to do). */
  empty?: ReactNode;
}

const storageKey = (tableId: string) => `safety-ui:table-columns:${tableId}`;

function readHidden<T>(tableId: string, columns: ReadonlyArray<ServerTableColumn<T>>): string[] {
  try {
    const stored = window.localStorage.getItem(storageKey(tableId));
    if (stored) return JSON.parse(stored) as string[];
  } catch {
    // Private mode or a corrupt value: fall back to the defaults.
  }
  return columns.filter((c) => c.defaultHidden).map((c) => c.key);
}

function readFilters(keys: readonly string[]): FilterValues {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(keys.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
}

/** Filters ↔ URL search params (replaceState: typing does not flood the history; back/forward still restore). */
export function useUrlFilters(keys: readonly string[], onChange?: (values: FilterValues) => void) {
  const keyList = keys.join('\u0000');
  const [values, setValues] = useState<FilterValues>(() => readFilters(keys));
  // keyList stands for keys (a new array each render).
  useEffect(() => {
    onChange?.(readFilters(keys));
    const onPop = () => {
      const next = readFilters(keys);
      setValues(next);
      onChange?.(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [keyList]);
  const setFilter = useCallback(
    (key: string, value: string | undefined) => {
      const url = new URL(window.location.href);
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
      window.history.replaceState(window.history.state, '', url);
      const next = readFilters(keys);
      setValues(next);
      onChange?.(next);
    },
    // keyList stands for keys (a new array each render).
    [keyList, onChange],
  );
  return { values, setFilter };
}

/** antd Table over a cursor connection: URL-synced filters, persisted column visibility, previous/next paging. */
export function ServerTable<T extends object>({
  tableId,
  columns,
  nodes,
  rowKey,
  pageInfo,
  totalCount,
  loading,
  onNext,
  onPrev,
  filters = [],
  onFiltersChange,
  empty,
}: ServerTableProps<T>) {
  const t = useT();
  const { values, setFilter } = useUrlFilters(
    filters.map((f) => f.key),
    onFiltersChange,
  );
  const [hidden, setHidden] = useState<string[]>(() => readHidden(tableId, columns));
  const toggleColumn = (key: string, visible: boolean) => {
    const next = visible ? hidden.filter((k) => k !== key) : [...hidden, key];
    setHidden(next);
    window.localStorage.setItem(storageKey(tableId), JSON.stringify(next));
  };
  const shown = useMemo(
    () =>
      columns
        .filter((c) => !hidden.includes(c.key))
        .map(({ hideable: _h, defaultHidden: _d, ...column }) => ({ dataIndex: column.key, ...column })),
    [columns, hidden],
  );

  const columnSettings = (
    <Space orientation="vertical">
      {columns.map((c) => (
        <Checkbox
          key={c.key}
          checked={!hidden.includes(c.key)}
          disabled={c.hideable === false}
          onChange={(e) => toggleColumn(c.key, e.target.checked)}
        >
          {c.title}
        </Checkbox>
      ))}
    </Space>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          {filters.map((f) =>
            f.type === 'select' ? (
              <Select
                key={f.key}
                aria-label={f.label}
                placeholder={f.label}
                allowClear
                style={{ minWidth: 160 }}
                value={values[f.key]}
                options={f.options?.map((o) => ({ value: o.value, label: o.label }))}
                onChange={(value?: string) => setFilter(f.key, value)}
              />
            ) : (
              <Input.Search
                key={f.key}
                aria-label={f.label}
                placeholder={f.label}
                allowClear
                defaultValue={values[f.key]}
                onSearch={(value) => setFilter(f.key, value.trim() || undefined)}
                style={{ width: 220 }}
              />
            ),
          )}
        </Space>
        <Popover trigger="click" title={t('table.columns')} content={columnSettings}>
          <Button icon={<SettingOutlined />}>{t('table.columns')}</Button>
        </Popover>
      </Space>
      <Table<T>
        columns={shown}
        dataSource={[...nodes]}
        rowKey={rowKey as never}
        loading={loading}
        pagination={false}
        locale={empty ? { emptyText: empty } : undefined}
      />
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Typography.Text type="secondary">{t('table.total', { count: totalCount })}</Typography.Text>
        <Button disabled={!pageInfo.hasPreviousPage || loading} onClick={() => onPrev(pageInfo.startCursor)}>
          {t('table.previous')}
        </Button>
        <Button disabled={!pageInfo.hasNextPage || loading} onClick={() => onNext(pageInfo.endCursor)}>
          {t('table.next')}
        </Button>
      </Space>
    </Space>
  );
}
