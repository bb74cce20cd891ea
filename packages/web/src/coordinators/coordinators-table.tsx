import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { ProcedureBadge } from '../opportunities/procedure-badge';
import type { CoordinatorBoard } from '../opportunities/opportunity-types';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { CoordinatorSelect } from './coordinator-select';

type BoardItem = CoordinatorBoard['items'][number];

interface CoordinatorsTableProps {
  slug: string;
  items: BoardItem[];
  canOverride: boolean;
  savingId: string | null;
  onOverride: (item: BoardItem, organizationId: string | null) => void;
}

/** One row per groupement: its coordinator (proposed or imposed by the facilitator) and how to change it. */
export function CoordinatorsTable({ slug, items, canOverride, savingId, onOverride }: CoordinatorsTableProps) {
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="sm" aria-label="Coordonnateur de chaque groupement">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Groupement</Table.Th>
            <Table.Th>Procédure</Table.Th>
            <Table.Th>Coordonnateur</Table.Th>
            <Table.Th>Origine du choix</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.opportunityId} data-testid="coordinator-row">
              <Table.Td>
                <AppLink to={paths.opportunity(slug, item.opportunityId)} fw={600}>
                  {item.family.label}
                </AppLink>
                <Text size="xs" c="dimmed">{`${item.cell.label} · ${item.members.length} membres`}</Text>
              </Table.Td>
              <Table.Td>
                <ProcedureBadge kind={item.procedureKind} isThresholdCrossed={false} size="sm" />
              </Table.Td>
              <Table.Td>
                {canOverride ? (
                  <CoordinatorSelect item={item} isSaving={savingId === item.opportunityId} onChange={(id) => onOverride(item, id)} />
                ) : (
                  <Text fw={600}>{item.coordinator.name}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Badge variant="light" color={item.isOverride ? 'violet' : 'teal'} style={{ textTransform: 'none' }}>
                    {item.isOverride ? 'choisi par l’animateur' : 'proposé par l’analyse'}
                  </Badge>
                  {canOverride && item.isOverride && (
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      onClick={() => onOverride(item, null)}
                      disabled={savingId === item.opportunityId}
                    >
                      Revenir à la proposition
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
