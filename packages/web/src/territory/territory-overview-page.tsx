import '@mantine/charts/styles.css';
import { Alert, Center, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useApi } from '../api/use-api';
import type { TerritoryOverview } from '../api/types';
import { useSession } from '../auth/session-context';
import { roleOn } from '../shell/current-territory';
import { FamiliesChart } from './families-chart';
import { FamiliesTable } from './families-table';
import { MembersTable } from './members-table';
import { TotalsCards } from './totals-cards';

interface TerritoryOverviewPageProps {
  slug: string;
}

export default function TerritoryOverviewPage({ slug }: TerritoryOverviewPageProps) {
  const { session } = useSession();
  const { data, error, isLoading } = useApi<TerritoryOverview>(`/territories/${encodeURIComponent(slug)}/overview`);
  const role = roleOn(session.roles, slug);

  if (error) {
    const message = error.status === 404 || error.status === 403 ? 'Ce territoire n’existe pas ou ne vous est pas ouvert.' : error.message;
    return (
      <Alert color="red" title="Vue du territoire indisponible">
        {message}
      </Alert>
    );
  }
  if (isLoading || !data) {
    return (
      <Center py="xl">
        <Loader aria-label="Chargement de la vue du territoire" />
      </Center>
    );
  }
  const canOpenAnyCensus = role?.role === 'facilitator' || role?.role === 'observer';
  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <div>
        <Title order={1}>{data.territory.name}</Title>
        <Text c="dimmed">Recensement des besoins annuels des membres, montants hors taxes</Text>
      </div>
      <TotalsCards totals={data.totals} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            Montant annuel par famille d’achat
          </Title>
          <FamiliesChart families={data.families} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            Familles d’achat
          </Title>
          <FamiliesTable families={data.families} />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          Membres du territoire
        </Title>
        <MembersTable
          members={data.members}
          canOpenCensus={(organizationId) => canOpenAnyCensus || session.roles.some((r) => r.organizationId === organizationId)}
        />
      </Paper>
    </Stack>
  );
}
