import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { AccountDto, AdminTerritoryList, LinkDelivery } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useSession } from '../../auth/session-context';
import { LinkDeliveryNotice } from '../link-delivery';
import { AccountStatus } from '../accounts/account-status';
import { InviteModal } from '../accounts/invite-modal';
import { TerritoryFormModal } from './territory-form-modal';

/** The instance administrators' screen: territories, their facilitators, and new links for them. */
export default function AdminPage() {
  const { session } = useSession();
  const { data, error, reload } = useApi<AdminTerritoryList>(session.user.isAdmin ? '/admin/territories' : null);
  const [isCreating, setIsCreating] = useState(false);
  const [invitingFor, setInvitingFor] = useState<{ slug: string; name: string } | null>(null);
  const [delivery, setDelivery] = useState<{ delivery: LinkDelivery; recipient: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (!session.user.isAdmin) {
    return (
      <Alert color="red" title="Accès réservé">
        Cet écran est réservé aux administrateurs de l’instance.
      </Alert>
    );
  }
  const sendLink = async (account: AccountDto) => {
    setFailure(null);
    try {
      const sent = await api.post<LinkDelivery>(`/admin/users/${encodeURIComponent(account.id)}/link`, {});
      setDelivery({ delivery: sent, recipient: `${account.name} (${account.email})` });
    } catch (caught) {
      setFailure(isApiError(caught) ? caught.message : 'Réessayez dans un instant.');
    }
  };
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Administration de l’instance</Title>
          <Text c="dimmed">Chaque territoire a ses animateurs : ils ajoutent ensuite les organisations et invitent les acheteurs.</Text>
        </div>
        <Button onClick={() => setIsCreating(true)}>Créer un territoire</Button>
      </Group>
      {delivery && <LinkDeliveryNotice delivery={delivery.delivery} recipient={delivery.recipient} />}
      {(error || failure) && <Alert color="red">{failure ?? error?.message}</Alert>}
      {data === null && !error ? (
        <Loader aria-label="Chargement des territoires" />
      ) : data && data.items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs" align="flex-start">
            <Text fw={600}>Aucun territoire pour l’instant</Text>
            <Text c="dimmed">Créez le premier, puis invitez son animateur : il recevra un lien pour choisir son mot de passe.</Text>
            <Button onClick={() => setIsCreating(true)}>Créer un territoire</Button>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="Territoires">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Territoire</Table.Th>
                  <Table.Th>Organisations</Table.Th>
                  <Table.Th>Animateurs</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(data?.items ?? []).map((territory) => (
                  <Table.Tr key={territory.id}>
                    <Table.Td>
                      <Text fw={600}>{territory.name}</Text>
                      <Group gap={4}>
                        <Text size="xs" c="dimmed">
                          {territory.slug}
                        </Text>
                        {territory.isDemo && (
                          <Badge size="xs" variant="light">
                            démonstration
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{territory.organizationCount}</Table.Td>
                    <Table.Td>
                      {territory.facilitators.length === 0 ? (
                        <Text size="sm" c="orange.8">
                          Aucun animateur
                        </Text>
                      ) : (
                        <Stack gap={4}>
                          {territory.facilitators.map((f) => (
                            <Group key={f.id} gap="xs">
                              <Text size="sm">{`${f.name} (${f.email})`}</Text>
                              <AccountStatus account={f} />
                              <Button size="compact-xs" variant="subtle" onClick={() => void sendLink(f)}>
                                {f.hasPassword ? 'Lien de réinitialisation' : 'Nouveau lien'}
                              </Button>
                            </Group>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setInvitingFor({ slug: territory.slug, name: territory.name })}>
                        Inviter un animateur
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <TerritoryFormModal
        opened={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(territory) => {
          setIsCreating(false);
          reload();
          setInvitingFor({ slug: territory.slug, name: territory.name });
        }}
      />
      <InviteModal
        opened={invitingFor !== null}
        title={`Inviter un animateur · ${invitingFor?.name ?? ''}`}
        path={`/admin/territories/${encodeURIComponent(invitingFor?.slug ?? '')}/facilitators`}
        onClose={() => setInvitingFor(null)}
        onInvited={(result, recipient) => {
          setInvitingFor(null);
          reload();
          if (result.link) setDelivery({ delivery: result.link, recipient });
        }}
      />
    </Stack>
  );
}
