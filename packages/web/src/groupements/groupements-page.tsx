import { Alert, Badge, Center, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { GroupementList, OpportunityListDto } from '@mutualis/contract';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { formatWholeEuros } from '../format/money';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { CreateGroupementButton } from './create-groupement-button';
import { GROUPEMENT_STATUS_LABELS, MANDATE_LABELS } from './groupement-labels';
import { JoinableGroupements, PendingMembershipRequests } from './membership-requests';

interface GroupementsPageProps {
  slug: string;
}

/** Groupements of the territory; the facilitator creates one from an opportunity of the analysis. */
export default function GroupementsPage({ slug }: GroupementsPageProps) {
  const { session } = useSession();
  const isFacilitator = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');
  const isMember = session.roles.some((r) => r.territorySlug === slug && r.role === 'member');
  const base = `/territories/${encodeURIComponent(slug)}`;
  const list = useApi<GroupementList>(`${base}/groupements`);
  const opportunities = useApi<OpportunityListDto>(isFacilitator ? `${base}/opportunities` : null, { limit: 200 });
  const [opportunityId, setOpportunityId] = useState<string | null>(null);

  if (list.error) {
    const message = list.error.status === 403 ? 'Les groupements sont ouverts à l’animateur et à leurs membres.' : list.error.message;
    return (
      <Alert color="red" title="Groupements indisponibles">
        {message}
      </Alert>
    );
  }
  const options = (opportunities.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.family.label} · ${o.cell.label} · ${o.members.length} membres${o.annualAmountCents === null ? '' : ` · ${formatWholeEuros(o.annualAmountCents)}/an`}`,
  }));
  const chosen = opportunities.data?.items.find((o) => o.id === opportunityId);
  return (
    <Stack gap="lg" maw={1300} mx="auto">
      <div>
        <Title order={1}>Groupements de commandes</Title>
        <Text c="dimmed">Groupements en projet et en cours du territoire</Text>
      </div>
      {isFacilitator && (
        <Paper withBorder p="md" radius="md">
          <Group align="flex-end">
            <Select
              label="Opportunité"
              placeholder="Choisir une opportunité de l’analyse"
              data={options}
              value={opportunityId}
              onChange={setOpportunityId}
              searchable
              w={620}
              nothingFoundMessage="Aucune opportunité"
            />
            <CreateGroupementButton
              slug={slug}
              opportunityId={opportunityId}
              defaultName={chosen ? `Groupement ${chosen.family.label}` : ''}
              key={opportunityId ?? 'none'}
            />
          </Group>
        </Paper>
      )}
      <Paper withBorder p="md" radius="md">
        {list.data === null ? (
          <Center py="xl">
            <Loader aria-label="Chargement des groupements" />
          </Center>
        ) : list.data.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            Aucun groupement pour l’instant.
          </Text>
        ) : (
          <Table striped aria-label="Groupements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Groupement</Table.Th>
                <Table.Th>Famille d’achat</Table.Th>
                <Table.Th>Membres</Table.Th>
                <Table.Th>Coordonnateur</Table.Th>
                <Table.Th>Mandat</Table.Th>
                <Table.Th>Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <AppLink to={paths.groupement(g.id)}>{g.name}</AppLink>
                  </Table.Td>
                  <Table.Td>{g.familyName}</Table.Td>
                  <Table.Td>{g.members.length}</Table.Td>
                  <Table.Td>
                    {g.members
                      .filter((m) => m.isCoordinator)
                      .map((m) => m.name)
                      .join(', ')}
                  </Table.Td>
                  <Table.Td>{MANDATE_LABELS[g.mandateScope]}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{GROUPEMENT_STATUS_LABELS[g.status]}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {isFacilitator && <PendingMembershipRequests slug={slug} onDecided={list.reload} />}
      {isMember && <JoinableGroupements slug={slug} />}
    </Stack>
  );
}
