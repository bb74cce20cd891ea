import { Group, Paper, Text, Title } from '@mantine/core';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { coordinatorReason } from './coordinator-reason';
import type { OpportunityDetail } from './opportunity-types';

/** The proposed coordinator, with the reason and a link to the board where the facilitator can change it. */
export function CoordinatorPanel({ detail, slug }: { detail: OpportunityDetail; slug: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        Coordonnateur proposé
      </Title>
      <Group gap="xs" mb={4}>
        <Text fw={700}>{detail.coordinator.name}</Text>
        <Text size="sm" c="dimmed" ff="monospace">
          {`SIRET ${detail.coordinator.siret}`}
        </Text>
      </Group>
      <Text size="sm" data-testid="coordinator-reason">
        {coordinatorReason(detail)}
      </Text>
      <AppLink to={paths.coordinators(slug)} size="sm">
        Voir la répartition des coordonnateurs du territoire
      </AppLink>
    </Paper>
  );
}
