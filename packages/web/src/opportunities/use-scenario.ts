import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { ScenarioBody, ScenarioResult } from './opportunity-types';

export interface ScenarioChanges {
  leave: string[];
  /** Organization id → months of postponement (0 = none). */
  postpone: Record<string, number>;
  join: string[];
  /** Organization id → annual amount in euros entered for a joiner (absent: its recorded needs). */
  joinAmounts: Record<string, number>;
}

const EMPTY: ScenarioChanges = { leave: [], postpone: {}, join: [], joinAmounts: {} };

function bodyOf(changes: ScenarioChanges): ScenarioBody | null {
  const postpone = Object.entries(changes.postpone)
    .filter(([id, months]) => months > 0 && !changes.leave.includes(id))
    .map(([organizationId, months]) => ({ organizationId, months }));
  if (changes.leave.length + changes.join.length + postpone.length === 0) return null;
  const join = changes.join.map((organizationId) => {
    const euros = changes.joinAmounts[organizationId];
    return euros !== undefined && euros > 0 ? { organizationId, annualAmountCents: Math.round(euros * 100) } : organizationId;
  });
  return { leave: changes.leave, join, postpone };
}

/** What-if state of an opportunity; the server recomputes it (nothing stored) a moment after each change. */
export function useScenario(slug: string, opportunityId: string, at: string | undefined) {
  const [changes, setChanges] = useState<ScenarioChanges>(EMPTY);
  const [result, setResult] = useState<ScenarioResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const [debounced] = useDebouncedValue(changes, 350);
  const bodyKey = JSON.stringify(bodyOf(debounced));

  useEffect(() => {
    const body: ScenarioBody | null = JSON.parse(bodyKey);
    if (body === null) {
      setResult(null);
      setError(null);
      return;
    }
    let isCurrent = true;
    setIsRunning(true);
    const query = at ? `?at=${encodeURIComponent(at)}` : '';
    api
      .post<ScenarioResult>(
        `/territories/${encodeURIComponent(slug)}/opportunities/${encodeURIComponent(opportunityId)}/scenario${query}`,
        body,
      )
      .then((answer) => {
        if (!isCurrent) return;
        setResult(answer);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!isCurrent) return;
        const issues = caught instanceof ApiError ? caught.issues.map((i) => i.reason) : [];
        setError(caught instanceof ApiError ? [caught.message, ...issues].join(' ') : 'La simulation a échoué.');
      })
      .finally(() => {
        if (isCurrent) setIsRunning(false);
      });
    return () => {
      isCurrent = false;
    };
  }, [slug, opportunityId, at, bodyKey]);

  const toggleLeave = (id: string, isLeaving: boolean) =>
    setChanges((c) => ({ ...c, leave: isLeaving ? [...c.leave, id] : c.leave.filter((x) => x !== id) }));
  const setPostpone = (id: string, months: number) => setChanges((c) => ({ ...c, postpone: { ...c.postpone, [id]: months } }));
  const setJoin = (join: string[]) => setChanges((c) => ({ ...c, join }));
  const setJoinAmount = (id: string, euros: number | undefined) =>
    setChanges((c) => {
      const joinAmounts = { ...c.joinAmounts };
      if (euros === undefined) delete joinAmounts[id];
      else joinAmounts[id] = euros;
      return { ...c, joinAmounts };
    });
  const reset = () => setChanges(EMPTY);
  const hasChanges = bodyOf(changes) !== null;
  // Without a change there is nothing to show, from the click on: the recomputation waits for the debounce.
  return {
    changes,
    result: hasChanges ? result : null,
    error: hasChanges ? error : null,
    isRunning,
    toggleLeave,
    setPostpone,
    setJoin,
    setJoinAmount,
    reset,
    hasChanges,
  };
}
