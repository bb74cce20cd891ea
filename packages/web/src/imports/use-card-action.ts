import { useState } from 'react';
import { isApiError } from '../api/api-error';

/** Runs a card's action (a confirmation, a correction), then `onDone`; keeps why it failed, shown on the card. */
export function useCardAction(onDone: () => void) {
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
      onDone();
    } catch (error) {
      setFailure(isApiError(error) ? error.message : 'Réessayez dans un instant.');
    }
  };
  return { failure, run };
}
