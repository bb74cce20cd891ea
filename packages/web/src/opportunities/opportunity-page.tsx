import { Alert, Center, Group, Loader, SimpleGrid, Stack } from '@mantine/core';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { CreateGroupementButton } from '../groupements/create-groupement-button';
import { LocalCapacityLinks } from '../lots/local-capacity-links';
import { AppLink } from '../router/app-link';
import { useLocationPath } from '../router/navigation';
import { paths } from '../router/routes';
import { CalendarPanel } from './calendar-panel';
import { CoordinatorPanel } from './coordinator-panel';
import { MemberActionsList } from './member-actions-list';
import { OpportunityHeader } from './opportunity-header';
import { OpportunityMembersTable } from './opportunity-members-table';
import type { OpportunityDetail } from './opportunity-types';
import { ProcedurePanel } from './procedure-panel';
import { SavingsPanel } from './savings-panel';
import { ScenarioPanel } from './scenario-panel';
import { ScheduleTimeline } from './schedule-timeline';
import { useTerritoryBuyers } from './use-territory-organizations';
import { usePageTitle } from '../shell/use-page-title';

interface OpportunityPageProps {
  slug: string;
  id: string;
}

export default function OpportunityPage({ slug, id }: OpportunityPageProps) {
  const { session } = useSession();
  const at = new URLSearchParams(useLocationPath().split('?')[1] ?? '').get('at') ?? undefined;
  const { data, error } = useApi<OpportunityDetail>(`/territories/${encodeURIComponent(slug)}/opportunities/${encodeURIComponent(id)}`, {
    at,
  });
  usePageTitle(data ? `Opportunité : ${data.family.label}` : null);
  const buyers = useTerritoryBuyers(slug);
  const isFacilitator = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');
  const canSimulate = session.roles.some((r) => r.territorySlug === slug && (r.role === 'facilitator' || r.role === 'member'));

  if (error) {
    const message =
      error.status === 404
        ? 'Cette opportunité n’existe pas à cette date (les besoins ou les marchés ont peut-être changé).'
        : error.status === 403
          ? 'Votre organisation n’est pas membre de cette opportunité.'
          : error.message;
    return (
      <Alert color="red" title="Opportunité indisponible">
        {message} <AppLink to={paths.opportunities(slug)}>Retour aux opportunités</AppLink>
      </Alert>
    );
  }
  if (!data) {
    return (
      <Center py="xl">
        <Loader aria-label="Chargement de l’opportunité" />
      </Center>
    );
  }
  const names = new Map(data.members.map((m) => [m.organizationId, m.name]));
  return (
    <Stack gap="lg" maw={1500} mx="auto">
      <AppLink to={paths.opportunities(slug)} size="sm">
        ← Toutes les opportunités
      </AppLink>
      <OpportunityHeader detail={data} />
      {isFacilitator && (
        <Group justify="flex-end">
          <LocalCapacityLinks slug={slug} id={id} />
          <CreateGroupementButton slug={slug} opportunityId={id} at={at} defaultName={`Groupement ${data.family.label}`} />
        </Group>
      )}
      <OpportunityMembersTable detail={data} />
      <CalendarPanel detail={data} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <MemberActionsList detail={data} />
        <ScheduleTimeline schedule={data.calendar.schedule} now={data.now} names={names} />
      </SimpleGrid>
      <SavingsPanel savings={data.savingsDetail} withheld={data.totalsWithheld} />
      <ProcedurePanel detail={data} urgency={isFacilitator ? { slug, id } : undefined} />
      <CoordinatorPanel detail={data} slug={slug} />
      {canSimulate && <ScenarioPanel slug={slug} detail={data} at={at} buyers={buyers} />}
    </Stack>
  );
}
