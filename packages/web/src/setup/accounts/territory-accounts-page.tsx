import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AccountList } from '@mutualis/contract';
import { useState } from 'react';
import { useApi } from '../../api/use-api';
import type { Organization, Page } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { isPublicBuyer } from '../../reference/labels';
import { LinkDeliveryNotice } from '../link-delivery';
import { AccountsTable } from './accounts-table';
import { InviteModal } from './invite-modal';
import { useAccountActions } from './use-account-actions';

const ROLES = [
  { value: 'member', label: 'Acheteur (agit pour une organisation publique)' },
  { value: 'supplier', label: 'Entreprise (gère son profil)' },
  { value: 'facilitator', label: 'Animateur du territoire' },
  { value: 'observer', label: 'Observateur (lecture seule)' },
];

/** The facilitator's accounts of a territory: who has access, pending invitations, new links. */
export default function TerritoryAccountsPage({ slug }: { slug: string }) {
  const { session } = useSession();
  const basePath = `/territories/${encodeURIComponent(slug)}/users`;
  const { data, error, reload } = useApi<AccountList>(basePath);
  const organizations = useApi<Page<Organization>>('/organizations', { territory: slug, limit: 200 });
  const actions = useAccountActions(basePath, reload);
  const [isInviting, setIsInviting] = useState(false);
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Comptes du territoire</Title>
          <Text c="dimmed">Chaque personne reçoit un lien à usage unique pour choisir son mot de passe.</Text>
        </div>
        <Button onClick={() => setIsInviting(true)}>Inviter une personne</Button>
      </Group>
      {actions.delivery && <LinkDeliveryNotice delivery={actions.delivery.delivery} recipient={actions.delivery.recipient} />}
      {error && <Alert color="red">{error.message}</Alert>}
      <Paper withBorder radius="md">
        {data === null && !error ? (
          <Loader m="md" aria-label="Chargement des comptes" />
        ) : (
          <AccountsTable
            label="Comptes du territoire"
            accounts={data?.items ?? []}
            selfId={session.user.id}
            showRoles
            onLink={(a) => void actions.sendLink(a)}
            onRemove={actions.remove}
          />
        )}
      </Paper>
      {actions.removal}
      <InviteModal
        opened={isInviting}
        title="Inviter une personne sur le territoire"
        path={basePath}
        choice={{
          roles: ROLES,
          organizations: (organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name, isBuyer: isPublicBuyer(o.kind) })),
        }}
        onClose={() => setIsInviting(false)}
        onInvited={(result, recipient) => {
          setIsInviting(false);
          reload();
          if (result.link) actions.setDelivery({ delivery: result.link, recipient });
          else notifications.show({ color: 'teal', message: `${recipient} a déjà un compte : son nouvel accès est actif.` });
        }}
      />
    </Stack>
  );
}
