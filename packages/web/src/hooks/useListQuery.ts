import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TablePaginationConfig } from 'antd';
import { api, type Paged, type QueryValue } from '../api';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';
import { useRequest } from './useRequest';

export interface ListQuery<T> {
  /** Current filters as read from the address bar (without page/pageSize). */
  filters: Record<string, string>;
  page: number;
  pageSize: number;
  items: T[];
  total: number;
  loading: boolean;
  error: ReturnType<typeof useRequest>['error'];
  reload: () => void;
  /** Replaces the filters (going back to page 1). */
  setFilters: (filters: Record<string, QueryValue>) => void;
  setPage: (page: number, pageSize?: number) => void;
  pagination: TablePaginationConfig;
}

/**
 * A paginated list whose filters and page live in the URL, so reload, back and shared links keep them.
 * `fixed` query values are sent on every request but not written to the URL.
 */
export function useListQuery<T>(
  path: string,
  options: { pageSize?: number; fixed?: Record<string, QueryValue>; enabled?: boolean } = {},
): ListQuery<T> {
  const m = useMessages(shellMessages);
  const [params, setParams] = useSearchParams();
  const defaultSize = options.pageSize ?? 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultSize));
  const filters = useMemo(() => {
    const result: Record<string, string> = {};
    params.forEach((value, key) => {
      if (key !== 'page' && key !== 'pageSize') result[key] = value;
    });
    return result;
  }, [params]);
  const fixedKey = JSON.stringify(options.fixed ?? {});

  const request = useRequest(
    (signal) => api.get<Paged<T>>(path, { ...options.fixed, ...filters, page, pageSize }, signal),
    [path, params.toString(), fixedKey],
    { enabled: options.enabled },
  );

  const setFilters = useCallback(
    (next: Record<string, QueryValue>) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) {
        if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
      }
      const size = params.get('pageSize');
      if (size) search.set('pageSize', size);
      setParams(search);
    },
    [params, setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize?: number) => {
      setParams((prev) => {
        const search = new URLSearchParams(prev);
        const sizeChanged = nextSize !== undefined && nextSize !== pageSize;
        search.set('page', String(sizeChanged ? 1 : nextPage));
        if (nextSize !== undefined) search.set('pageSize', String(nextSize));
        return search;
      });
    },
    [pageSize, setParams],
  );

  return {
    filters,
    page,
    pageSize,
    items: request.data?.items ?? [],
    total: request.data?.total ?? 0,
    loading: request.loading,
    error: request.error,
    reload: request.reload,
    setFilters,
    setPage,
    pagination: {
      current: page,
      pageSize,
      total: request.data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (total) => m.total(total),
      onChange: setPage,
    },
  };
}
