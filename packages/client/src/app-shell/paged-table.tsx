import { ServerTable, type ServerTableColumn, type ServerTableFilter } from '@safety/ui';
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import type { PagedConnection } from './use-paged-connection.js';

export interface PagedTableProps<T> {
  /** From `usePagedConnection`. */
  list: PagedConnection<T>;
  /** Names the column settings kept per user, e.g. `hazard.hazards`. */
  tableId: string;
  columns: ReadonlyArray<ServerTableColumn<T>>;
  filters?: ServerTableFilter[];
  /** What to show, and what to do next, when nothing matches. */
  empty: ReactNode;
  rowKey?: string;
}

/** A module's list: the server-paginated table of a `usePagedConnection` list, with its load error above it. */
export function PagedTable<T extends object>({
  list,
  tableId,
  columns,
  filters,
  empty,
  rowKey = 'id',
}: PagedTableProps<T>) {
  return (
    <>
      {list.error ? (
        <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <ServerTable<T>
        tableId={tableId}
        columns={columns}
        nodes={list.rows}
        rowKey={rowKey}
        pageInfo={list.pageInfo}
        totalCount={list.totalCount}
        loading={list.loading}
        onNext={list.onNext}
        onPrev={list.onPrev}
        filters={filters}
        onFiltersChange={list.onFiltersChange}
        empty={empty}
      />
    </>
  );
}
