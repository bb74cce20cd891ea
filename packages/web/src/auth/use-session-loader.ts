import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';
import { api, onUnauthenticated } from '../api/client';
import type { Session } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'failed'; message: string }
  | { status: 'authenticated'; session: Session };

/** Asks the server who is logged in at start-up; any later 401 sends the user back to the login page. */
export function useSessionLoader() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(() => {
    setState({ status: 'loading' });
    api
      .get<Session>('/auth/me')
      .then((session) => setState({ status: 'authenticated', session }))
      .catch((error: unknown) => {
        if (isApiError(error) && error.status === 401) setState({ status: 'anonymous' });
        else setState({ status: 'failed', message: isApiError(error) ? error.message : String(error) });
      });
  }, []);

  useEffect(() => {
    load();
    return onUnauthenticated(() => setState({ status: 'anonymous' }));
  }, [load]);

  const signedIn = useCallback((session: Session) => setState({ status: 'authenticated', session }), []);

  const logout = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setState({ status: 'anonymous' });
  }, []);

  return { state, reload: load, signedIn, logout };
}
