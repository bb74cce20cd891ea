import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { ProcedureBadge } from '../opportunities/procedure-badge';
import type { CoordinatorBoard } from '../opportunities/opportunity-types';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { WorkloadBars } from './workload-bars';

type BoardItem = CoordinatorBoard['items'][number];

interface CoordinatorCardProps {
  slug: string;
  item: BoardItem;
  maxLoad: number;
  canOverride: boolean;
  isSaving: boolean;
  onOverride: (item: BoardItem, organizationId: string | null) => void;
}

/** One groupement: its coordinator (proposed or imposed), the override select, and its members' loads. */
export function CoordinatorCard({ slug, item, maxLoad, canOverride, isSaving, onOverride }: CoordinatorCardProps) {
  const options = item.members.map((m) => ({ value: m.organizationId, label: m.name }));
  const members = [...item.members].sort((a, b) => b.load - a.load || a.name.localeCompare(b.name, 'fr'));
  return (
    <Paper withBorder p="md" radius="md" data-testid="coordinator-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <AppLink to={paths.opportunity(slug, item.opportunityId)} fw={700}>
              {item.family.label}
            </AppLink>
            <Text size="xs" c="dimmed">{`${item.cell.label} · ${item.members.length} membres`}</Text>
          </div>
          <ProcedureBadge kind={item.procedureKind} isThresholdCrossed={false} size="sm" />
        </Group>
        <Group align="flex-end" gap="sm">
          {canOverride ? (
            <Select
              label="Coordonnateur"
              data={options}
              value={item.coordinator.organizationId}
              onChange={(value) => value && value !== item.coordinator.organizationId && onOverride(item, value)}
              allowDeselect={false}
              disabled={isSaving}
              w={340}
              aria-label={`Coordonnateur de ${item.family.label}`}
            />
          ) : (
            <div>
              <Text size="xs" c="dimmed">
                Coordonnateur
              </Text>
              <Text fw={600}>{item.coordinator.name}</Text>
            </div>
          )}
          <Badge variant="light" color={item.isOverride ? 'violet' : 'teal'} style={{ textTransform: 'none' }} mb={6}>
            {item.isOverride ? 'choisi par l’animateur' : 'proposé par l’analyse'}
          </Badge>
          {canOverride && item.isOverride && (
            <Button variant="subtle" size="xs" onClick={() => onOverride(item, null)} disabled={isSaving} mb={4}>
              Revenir à la proposition
            </Button>
          )}
        </Group>
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            Charge de coordination de chaque membre sur le territoire
          </Text>
          <WorkloadBars workloads={members} maxLoad={maxLoad} highlightId={item.coordinator.organizationId} />
        </div>
      </Stack>
    </Paper>
  );
}
