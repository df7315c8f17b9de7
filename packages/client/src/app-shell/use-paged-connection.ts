import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { FilterValues } from '@safety/ui';
import { useCallback, useMemo, useState } from 'react';

/** The part of a `*Connection` a list page reads (architecture §5, Pagination). */
export interface ConnectionPage<TNode> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: readonly TNode[];
}

/** URL search param → query argument; `parse` turns the URL's text into the argument's type (e.g. a Boolean). */
export type FilterArgs = Record<string, string | { arg: string; parse: (value: string) => unknown }>;

/** Pure: the query variables for the filter values shown in the URL (empty values left out). */
export function filterVariables(values: FilterValues, args: FilterArgs): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).flatMap(([key, spec]) => {
      const value = values[key];
      if (!value) return [];
      return typeof spec === 'string' ? [[spec, value]] : [[spec.arg, spec.parse(value)]];
    }),
  );
}

function filtersFromUrl(keys: readonly string[]): FilterValues {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
}

export interface PagedConnectionOptions<TData, TNode> {
  /** Picks the connection out of the query's result. */
  connection: (data: TData) => ConnectionPage<TNode>;
  filterArgs: FilterArgs;
  pageSize?: number;
}

/** What `usePagedConnection` gives a page: the rows to show, paging and filter handlers. */
export interface PagedConnection<TNode> {
  rows: TNode[];
  /** The filters as query arguments (e.g. for an export of the same rows). */
  filterVariables: Record<string, unknown>;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
  loading: boolean;
  error?: { message: string } | undefined;
  onNext: () => void;
  onPrev: () => void;
  onFiltersChange: (values: FilterValues) => void;
}

/**
 * A server-paginated list for `ServerTable`: URL filters → variables, cursor paging. The cache
 * appends pages (cursorConnection in this package); the table shows one slice of them.
 */
export function usePagedConnection<TData, TVariables extends OperationVariables, TNode>(
  document: TypedDocumentNode<TData, TVariables>,
  { connection, filterArgs, pageSize = 20 }: PagedConnectionOptions<TData, TNode>,
): PagedConnection<TNode> {
  const [filters, setFilters] = useState<FilterValues>(() => filtersFromUrl(Object.keys(filterArgs)));
  const [page, setPage] = useState(0);
  const variables = useMemo(
    () => ({ first: pageSize, ...filterVariables(filters, filterArgs) }) as unknown as TVariables,
    // filterArgs is a module constant in every caller.
    [filters, pageSize],
  );
  const { data, previousData, loading, error, fetchMore } = useQuery(document, {
    variables,
    notifyOnNetworkStatusChange: true,
  } as never) as useQuery.Result<TData, TVariables>;
  const current = data ?? previousData;
  const conn = current ? connection(current as TData) : undefined;
  const loaded = conn?.nodes ?? [];
  const rows = loaded.slice(page * pageSize, (page + 1) * pageSize);
  const hasNextPage = loaded.length > (page + 1) * pageSize || (conn?.pageInfo.hasNextPage ?? false);

  const onFiltersChange = useCallback((values: FilterValues) => {
    setPage(0);
    setFilters((was) => (JSON.stringify(was) === JSON.stringify(values) ? was : values));
  }, []);

  const onNext = useCallback(async () => {
    if (loaded.length < (page + 2) * pageSize && conn?.pageInfo.hasNextPage) {
      await fetchMore({ variables: { after: conn.pageInfo.endCursor } as unknown as Partial<TVariables> });
    }
    setPage((p) => p + 1);
  }, [loaded.length, page, pageSize, conn, fetchMore]);

  return {
    rows,
    filterVariables: filterVariables(filters, filterArgs),
    totalCount: conn?.totalCount ?? 0,
    pageInfo: { hasNextPage, hasPreviousPage: page > 0 },
    loading,
    error,
    onNext: () => void onNext(),
    onPrev: () => setPage((p) => Math.max(0, p - 1)),
    onFiltersChange,
  };
}
