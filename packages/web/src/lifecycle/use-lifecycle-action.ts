import { notifications } from '@mantine/notifications';
import type { LifecycleView } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';

/** A refused step (409) carries every reason in its message; a validation error lists its reasons (not the API's field paths). */
function messageOf(error: unknown): string {
  if (!isApiError(error)) return 'Réessayez.';
  if (error.issues.length > 0) return [...new Set(error.issues.map((i) => i.reason))].join(' · ');
  return error.message;
}

/** POSTs a lifecycle action, shows the outcome, and hands the refreshed view back. */
/** `onDone` gets the refreshed view, or null for actions that answer something else (consumption). */
export function useLifecycleAction(groupementId: string, onDone: (view: LifecycleView | null) => void) {
  const [isBusy, setIsBusy] = useState(false);
  /** `onRefused` takes the refusal instead of the toast (a form that shows errors next to its fields). */
  const run = async (
    suffix: string,
    body: unknown,
    success: string,
    method: 'post' | 'put' = 'post',
    onRefused?: (error: unknown) => void,
  ): Promise<boolean> => {
    setIsBusy(true);
    try {
      const path = `/groupements/${encodeURIComponent(groupementId)}${suffix}`;
      const answer = await (method === 'put' ? api.put : api.post)<LifecycleView | { written: number }>(path, body);
      onDone('groupementId' in answer ? answer : null);
      notifications.show({ color: 'teal', message: success });
      return true;
    } catch (error) {
      if (onRefused) {
        onRefused(error);
        return false;
      }
      notifications.show({ color: 'red', title: 'Action refusée', message: messageOf(error), autoClose: 12_000 });
      return false;
    } finally {
      setIsBusy(false);
    }
  };
  return { run, isBusy, messageOf };
}
