import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { api } from '../api/client';

/**
 * Debounced search in a reference list (`/reference/cpv`, `/reference/communes`): one request
 * per pause in typing, older answers ignored. Starts at `minLength` characters.
 */
export function useReferenceSearch<T>(path: string, query: string, minLength = 2): { results: T[]; isSearching: boolean } {
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [results, setResults] = useState<T[]>([]);
  const [isSearching, setIsSearching] = useState(false);

  useEffect(() => {
    if (debounced.length < minLength) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    setIsSearching(true);
    api
      .get<{ items: T[] }>(path, { q: debounced }, controller.signal)
      .then((answer) => setResults(answer.items))
      .catch(() => {
        if (!controller.signal.aborted) setResults([]);
      })
      .finally(() => {
        if (!controller.signal.aborted) setIsSearching(false);
      });
    return () => controller.abort();
  }, [path, debounced, minLength]);

  return { results, isSearching };
}
