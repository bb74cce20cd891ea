import { countFr, ofNameFr } from '@mutualis/contract';
import { Group, Progress, SimpleGrid, Text } from '@mantine/core';

export interface Workload {
  organizationId: string;
  name: string;
  load: number;
  /** Number of groupements it coordinates, when known. */
  coordinatedCount?: number;
}

interface WorkloadBarsProps {
  workloads: Workload[];
  /** Load of a full bar (the heaviest load on the board). */
  maxLoad: number;
  highlightId?: string;
  /** Columns on a wide screen. */
  columns?: number;
}

/** One bar per organization: its coordination load, against the heaviest one of the territory. */
export function WorkloadBars({ workloads, maxLoad, highlightId, columns = 1 }: WorkloadBarsProps) {
  return (
    <SimpleGrid cols={{ base: 1, md: columns }} spacing="xl" verticalSpacing={6}>
      {workloads.map((w) => (
        <div key={w.organizationId} data-testid="workload-bar">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={w.organizationId === highlightId ? 700 : 400} truncate>
              {w.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {`${countFr(w.load, 'pt')}${w.coordinatedCount !== undefined ? ` · ${countFr(w.coordinatedCount, 'groupement')}` : ''}`}
            </Text>
          </Group>
          <Progress
            value={maxLoad > 0 ? (w.load / maxLoad) * 100 : 0}
            color={highlightId === undefined || w.organizationId === highlightId ? 'teal' : 'gray'}
            size="sm"
            aria-label={`Charge de coordination ${ofNameFr(w.name)} : ${countFr(w.load, 'point')}`}
          />
        </div>
      ))}
    </SimpleGrid>
  );
}
