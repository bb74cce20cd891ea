import { ofNameFr } from '@mutualis/contract';
import { Alert, Badge, Button, Group, Loader, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InvitationResult, LinkDelivery } from '@mutualis/contract';
import { useState } from 'react';
import { useApi } from '../../api/use-api';
import type { Organization, Page } from '../../api/types';
import { isPublicBuyer, ORGANIZATION_KIND_LABELS } from '../../reference/labels';
import { navigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import { InviteModal } from '../accounts/invite-modal';
import { LinkDeliveryNotice } from '../link-delivery';
import { ActionsCell, ListTable } from '../list-table';
import { OrganizationFormModal } from './organization-form-modal';

/** The facilitator's organizations of a territory: add them by SIRET, invite their people, open their census. */
export default function OrganizationsPage({ slug }: { slug: string }) {
  const { data, error, reload } = useApi<Page<Organization>>('/organizations', { territory: slug, limit: 200 });
  const [isAdding, setIsAdding] = useState(false);
  const [inviting, setInviting] = useState<Organization | null>(null);
  const [delivery, setDelivery] = useState<{ delivery: LinkDelivery; recipient: string } | null>(null);
  const items = data?.items ?? [];
  const invited = (result: InvitationResult, recipient: string) => {
    setInviting(null);
    if (result.link) setDelivery({ delivery: result.link, recipient });
    else notifications.show({ color: 'teal', message: `${recipient} a maintenant accès à cette organisation.` });
  };
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Organisations du territoire</Title>
          <Text c="dimmed">Acheteurs publics et entreprises, identifiés par leur SIRET.</Text>
        </div>
        <Button onClick={() => setIsAdding(true)}>Ajouter une organisation</Button>
      </Group>
      {delivery && <LinkDeliveryNotice delivery={delivery.delivery} recipient={delivery.recipient} />}
      {error && <Alert color="red">{error.message}</Alert>}
      {data === null && !error ? (
        <Loader aria-label="Chargement des organisations" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs" align="flex-start">
            <Text fw={600}>Aucune organisation pour l’instant</Text>
            <Text c="dimmed">
              Ajoutez les acheteurs publics du territoire (départements, communes, hôpitaux…) : il en faut au moins deux pour mutualiser.
            </Text>
            <Button onClick={() => setIsAdding(true)}>Ajouter une organisation</Button>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <ListTable
            label="Organisations"
            minWidth={720}
            hasActions
            head={
              <>
                <Table.Th>Organisation</Table.Th>
                <Table.Th>SIRET</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Département</Table.Th>
              </>
            }
          >
            {items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Text fw={600}>{o.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {o.siret}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={isPublicBuyer(o.kind) ? 'blue' : 'grape'}>
                    {ORGANIZATION_KIND_LABELS[o.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>{o.departementCode}</Table.Td>
                <ActionsCell gap="xs">
                  <Button size="xs" variant="light" onClick={() => setInviting(o)}>
                    {isPublicBuyer(o.kind) ? 'Inviter un acheteur' : 'Inviter l’entreprise'}
                  </Button>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="subtle" aria-label={`Ouvrir les écrans ${ofNameFr(o.name)}`}>
                        Ouvrir
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {isPublicBuyer(o.kind) ? (
                        <>
                          <Menu.Item onClick={() => navigate(paths.needs(o.id))}>Besoins</Menu.Item>
                          <Menu.Item onClick={() => navigate(paths.contracts(o.id))}>Contrats en cours</Menu.Item>
                        </>
                      ) : (
                        <Menu.Item onClick={() => navigate(paths.firmProfile(o.id))}>Profil de l’entreprise</Menu.Item>
                      )}
                      <Menu.Item onClick={() => navigate(paths.organizationAccounts(o.id))}>Comptes</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </ActionsCell>
              </Table.Tr>
            ))}
          </ListTable>
        </Paper>
      )}
      <OrganizationFormModal
        slug={slug}
        opened={isAdding}
        onClose={() => setIsAdding(false)}
        onCreated={(o) => {
          setIsAdding(false);
          notifications.show({ color: 'teal', message: `${o.name} ajoutée au territoire.` });
          reload();
        }}
      />
      <InviteModal
        key={inviting?.id ?? 'none'}
        opened={inviting !== null}
        title={`Inviter une personne · ${inviting?.name ?? ''}`}
        path={`/territories/${encodeURIComponent(slug)}/users`}
        choice={
          inviting
            ? {
                roles: isPublicBuyer(inviting.kind)
                  ? [{ value: 'member', label: 'Acheteur' }]
                  : [{ value: 'supplier', label: 'Entreprise' }],
                organizations: [{ value: inviting.id, label: inviting.name, isBuyer: isPublicBuyer(inviting.kind) }],
              }
            : undefined
        }
        initialOrganizationId={inviting?.id ?? null}
        onClose={() => setInviting(null)}
        onInvited={invited}
      />
    </Stack>
  );
}
