import { Stack, Table } from '@mantine/core';
import type { ScenarioResult } from './opportunity-types';
import { type DiffTone, scenarioDiffLines } from './scenario-diff-lines';
import { WithheldNote } from './withheld-figures';

const TONE_COLORS: Record<DiffTone, string> = { better: 'teal.8', worse: 'red.8', neutral: 'dark', same: 'dimmed' };

interface ScenarioDiffProps {
  result: ScenarioResult;
  /** Organization id → name, for the members who join or leave. */
  names: ReadonlyMap<string, string>;
}

/** Current groupement and simulated one side by side, with the change of each figure. */
export function ScenarioDiff({ result, names }: ScenarioDiffProps) {
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder verticalSpacing="xs" aria-label="Écarts du scénario" data-testid="scenario-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Groupement proposé</Table.Th>
              <Table.Th w={30} />
              <Table.Th>Scénario simulé</Table.Th>
              <Table.Th>Écart</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scenarioDiffLines(result, names).map((line) => (
              <Table.Tr key={line.label}>
                <Table.Td fw={600}>{line.label}</Table.Td>
                <Table.Td>{line.before}</Table.Td>
                <Table.Td c="dimmed" aria-hidden="true">
                  →
                </Table.Td>
                <Table.Td fw={600}>{line.after}</Table.Td>
                <Table.Td c={TONE_COLORS[line.tone]} fw={line.tone === 'same' ? 400 : 600}>
                  {line.change}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {result.withheld && <WithheldNote withheld={result.withheld} title="Montants de la simulation non communiqués" />}
    </Stack>
  );
}
