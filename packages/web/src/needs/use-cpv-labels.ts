import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CpvEntry, Need } from '../api/types';

const cache = new Map<string, string>();

/**
 * French CPV labels for the codes on screen, asked from `/reference/cpv` for the ones the
 * needs list does not carry, once per code per session.
 */
export function useCpvLabels(needs: Need[]): (code: string) => string | null {
  const [, setVersion] = useState(0);
  const missing = [...new Set(needs.filter((need) => !need.cpvLabelFr && !cache.has(need.cpvCode)).map((need) => need.cpvCode))];
  const missingKey = missing.join(',');

  for (const need of needs) if (need.cpvLabelFr) cache.set(need.cpvCode, need.cpvLabelFr);

  useEffect(() => {
    if (!missingKey) return;
    let isCurrent = true;
    const codes = missingKey.split(',');
    Promise.all(
      codes.map((code) =>
        api
          .get<CpvEntry[]>('/reference/cpv', { q: code })
          .then((entries) => {
            const entry = entries.find((candidate) => candidate.code === code);
            if (entry) cache.set(code, entry.labelFr);
          })
          .catch(() => undefined),
      ),
    ).then(() => isCurrent && setVersion((v) => v + 1));
    return () => {
      isCurrent = false;
    };
  }, [missingKey]);

  return useCallback((code: string) => cache.get(code) ?? null, []);
}
