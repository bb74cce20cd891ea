import { createContext, useContext } from 'react';
import type { Session } from '../api/types';

export interface SessionContextValue {
  session: Session;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The logged-in user and their roles; only usable below the authenticated shell. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionContext');
  return value;
}
