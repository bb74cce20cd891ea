import '@mantine/charts/styles.css';
import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { TerritoryOverview } from '../api/types';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { isPublicBuyer } from '../reference/labels';
import { roleOn } from '../shell/current-territory';
import { WithheldNote } from '../opportunities/withheld-figures';
import { FamiliesChart } from './families-chart';
import { FamiliesTable } from './families-table';
import { FirmsTable } from './firms-table';
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
  const buyers = data.members.filter((member) => isPublicBuyer(member.organization.kind));
  const firms = data.members.filter((member) => !isPublicBuyer(member.organization.kind)).map((member) => member.organization);
  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <div>
        <Title order={1}>{data.territory.name}</Title>
        <Text c="dimmed">Recensement des besoins annuels des acheteurs publics membres, montants hors taxes</Text>
      </div>
      <TotalsCards totals={data.totals} />
      {data.amountsWithheld && <WithheldNote withheld={data.amountsWithheld} title="Montants par famille non communiqués" />}
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {data.amountsWithheld ? 'Besoins recensés par famille d’achat' : 'Montant annuel par famille d’achat'}
        </Title>
        <FamiliesChart families={data.families} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          Familles d’achat
        </Title>
        <FamiliesTable families={data.families} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          Acheteurs publics membres
        </Title>
        <MembersTable
          members={buyers}
          canOpenCensus={(organizationId) => canOpenAnyCensus || session.roles.some((r) => r.organizationId === organizationId)}
        />
      </Paper>
      {firms.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            Entreprises du territoire
          </Title>
          <FirmsTable firms={firms} />
        </Paper>
      )}
    </Stack>
  );
}
