import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CpvEntry } from '../api/types';

/** Labels already fetched, kept for the whole session (the nomenclature does not change). */
const cache = new Map<string, string>();

async function fetchLabel(code: string): Promise<void> {
  const answer = await api.get<{ items: CpvEntry[] }>('/reference/cpv', { q: code });
  const entry = answer.items.find((candidate) => candidate.code === code);
  if (entry) cache.set(code, entry.labelFr);
}

/** French CPV labels for the codes on screen, asked from `/reference/cpv` once per code. */
export function useCpvLabels(needs: readonly { cpvCode: string }[]): (code: string) => string | null {
  const [, setVersion] = useState(0);
  const missingKey = [...new Set(needs.map((need) => need.cpvCode).filter((code) => !cache.has(code)))].join(',');

  useEffect(() => {
    if (!missingKey) return;
    let isCurrent = true;
    Promise.all(missingKey.split(',').map((code) => fetchLabel(code).catch(() => undefined))).then(() => {
      if (isCurrent) setVersion((v) => v + 1);
    });
    return () => {
      isCurrent = false;
    };
  }, [missingKey]);

  return useCallback((code: string) => cache.get(code) ?? null, []);
}
