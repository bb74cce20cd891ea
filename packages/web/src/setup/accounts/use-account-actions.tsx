import { ofNameFr } from '@mutualis/contract';
import { notifications } from '@mantine/notifications';
import type { AccountDto, LinkDelivery } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { ConfirmModal } from '../confirm-modal';

/** New links and removals of accounts under `basePath` (`/territories/x/users` or `/organizations/y/users`). */
export function useAccountActions(basePath: string, reload: () => void) {
  const [delivery, setDelivery] = useState<{ delivery: LinkDelivery; recipient: string } | null>(null);
  const [removing, setRemoving] = useState<AccountDto | null>(null);
  const fail = (title: string, error: unknown) =>
    notifications.show({ color: 'red', title, message: isApiError(error) ? error.message : 'Réessayez dans un instant.' });
  const sendLink = async (account: AccountDto) => {
    try {
      const sent = await api.post<LinkDelivery>(`${basePath}/${encodeURIComponent(account.id)}/link`, {});
      setDelivery({ delivery: sent, recipient: `${account.name} (${account.email})` });
    } catch (error) {
      fail('Lien impossible', error);
    }
  };
  const removal = (
    <ConfirmModal
      opened={removing !== null}
      title="Retirer l’accès"
      message={`${removing?.name ?? ''} ne pourra plus agir ici. Son compte et ses autres accès sont conservés.`}
      confirmLabel="Retirer"
      onCancel={() => setRemoving(null)}
      onConfirm={async () => {
        if (!removing) return;
        try {
          await api.delete(`${basePath}/${encodeURIComponent(removing.id)}`);
          notifications.show({ color: 'teal', message: `Accès ${ofNameFr(removing.name)} retiré.` });
          setRemoving(null);
          reload();
        } catch (error) {
          fail('Retrait impossible', error);
        }
      }}
    />
  );
  return { delivery, setDelivery, sendLink, remove: setRemoving, removal };
}
