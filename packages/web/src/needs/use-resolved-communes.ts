import { useEffect } from 'react';
import { api } from '../api/client';
import type { Commune } from '../api/types';

async function resolve(commune: Commune): Promise<Commune> {
  const answer = await api.get<{ items: Commune[] }>('/reference/communes', { q: commune.code });
  return answer.items.find((candidate) => candidate.code === commune.code) ?? commune;
}

/**
 * A need stores INSEE codes only; communes loaded from it have no département yet. This asks
 * `/reference/communes` for their names once, so the buyer sees "Strasbourg (67)", not "67482".
 */
export function useResolvedCommunes(value: Commune[], onChange: (communes: Commune[]) => void): void {
  const unresolvedKey = value
    .filter((commune) => commune.departementCode === '')
    .map((commune) => commune.code)
    .join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per set of unresolved codes, not on every keystroke.
  useEffect(() => {
    if (!unresolvedKey) return;
    let isCurrent = true;
    Promise.all(value.map((commune) => (commune.departementCode === '' ? resolve(commune).catch(() => commune) : commune))).then(
      (resolved) => {
        if (isCurrent) onChange(resolved);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [unresolvedKey]);
}
