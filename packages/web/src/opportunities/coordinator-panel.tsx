import { Group, Paper, Text, Title } from '@mantine/core';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { coordinatorReason } from './coordinator-reason';
import type { CoordinatorBoard, OpportunityDetail } from './opportunity-types';
import { useApi } from '../api/use-api';

/** The proposed coordinator, with the reason and a link to the board where the facilitator can change it. */
export function CoordinatorPanel({ detail, slug, at }: { detail: OpportunityDetail; slug: string; at: string | undefined }) {
  // The board tells which groupements the other members already coordinate (same cached analysis on the server).
  const { data: board } = useApi<CoordinatorBoard>(`/territories/${encodeURIComponent(slug)}/coordinators`, { at });
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
        {coordinatorReason(detail, board)}
      </Text>
      <AppLink to={paths.coordinators(slug)} size="sm">
        Voir la répartition des coordonnateurs du territoire
      </AppLink>
    </Paper>
  );
}
