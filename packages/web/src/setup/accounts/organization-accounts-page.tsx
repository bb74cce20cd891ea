import { nameWithArticleFr, ofNameFr } from '@mutualis/contract';
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AccountList } from '@mutualis/contract';
import { useState } from 'react';
import { useApi } from '../../api/use-api';
import type { Organization } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { LinkDeliveryNotice } from '../link-delivery';
import { AccountsTable } from './accounts-table';
import { InviteModal } from './invite-modal';
import { useAccountActions } from './use-account-actions';

/** An organization's own accounts: a buyer (or firm) invites its colleagues and removes those who left. */
export default function OrganizationAccountsPage({ organizationId }: { organizationId: string }) {
  const { session } = useSession();
  const basePath = `/organizations/${encodeURIComponent(organizationId)}/users`;
  const organization = useApi<Organization>(`/organizations/${encodeURIComponent(organizationId)}`);
  const { data, error, reload } = useApi<AccountList>(basePath);
  const actions = useAccountActions(basePath, reload);
  const [isInviting, setIsInviting] = useState(false);
  const name = organization.data?.name ?? '';
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Comptes de l’organisation</Title>
          <Text c="dimmed">{name ? `Les personnes qui agissent pour ${nameWithArticleFr(name)}.` : ' '}</Text>
        </div>
        <Button onClick={() => setIsInviting(true)}>Inviter un collègue</Button>
      </Group>
      {actions.delivery && <LinkDeliveryNotice delivery={actions.delivery.delivery} recipient={actions.delivery.recipient} />}
      {error && (
        <Alert color="red">{error.status === 403 || error.status === 404 ? 'Ces comptes ne vous sont pas ouverts.' : error.message}</Alert>
      )}
      <Paper withBorder radius="md">
        {data === null && !error ? (
          <Loader m="md" aria-label="Chargement des comptes" />
        ) : (
          <AccountsTable
            label="Comptes de l’organisation"
            accounts={data?.items ?? []}
            selfId={session.user.id}
            showRoles={false}
            onLink={(a) => void actions.sendLink(a)}
            onRemove={actions.remove}
          />
        )}
      </Paper>
      {actions.removal}
      <InviteModal
        opened={isInviting}
        title={`Inviter un collègue · ${name}`}
        path={basePath}
        intro={<Text size="sm">{`Votre collègue pourra recenser les besoins et les contrats ${ofNameFr(name)}.`}</Text>}
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
