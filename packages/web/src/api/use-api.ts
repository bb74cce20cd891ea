import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-error';
import { api, type Query } from './client';

export interface ApiState<T> {
  data: T | null;
  error: ApiError | null;
  isLoading: boolean;
  reload: () => void;
}

/** GETs `path` whenever it or the query changes; a newer request aborts the older one. `null` path skips. */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setIsLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  const queryKey = JSON.stringify(query ?? {});

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is how reload() asks for the same request again.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setIsLoading(true);
    const parsedQuery: Query = JSON.parse(queryKey);
    api
      .get<T>(path, parsedQuery, controller.signal)
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof ApiError ? caught : new ApiError(0, { code: 'unknown', message: String(caught) }));
      })
      .finally(() => {
        if (!controller.signal.aborted) setIsLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, isLoading, reload };
}
