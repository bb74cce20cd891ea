import type { LinkInfo } from '@mutualis/contract';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { takeLinkToken } from '../link-token';

export type LinkState = { status: 'checking' } | { status: 'dead'; message: string } | { status: 'usable'; token: string; info: LinkInfo };

/** Reads the link's token from the address once, and asks the server what it opens (without using it). */
export function useLinkInfo(): LinkState {
  const [token] = useState(takeLinkToken);
  const [state, setState] = useState<LinkState>({ status: 'checking' });
  useEffect(() => {
    if (token === null) {
      setState({ status: 'dead', message: 'Ce lien est incomplet : ouvrez-le tel que vous l’avez reçu, en entier.' });
      return;
    }
    api
      .post<LinkInfo>('/auth/links/inspect', { token })
      .then((info) => setState({ status: 'usable', token, info }))
      .catch((error: unknown) =>
        setState({
          status: 'dead',
          message: isApiError(error)
            ? (error.issues[0]?.reason ?? error.message)
            : 'Le serveur est injoignable. Réessayez dans un instant.',
        }),
      );
  }, [token]);
  return state;
}
