import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { DecpImportResult } from '@mutualis/contract';
import { formatNumber } from '../format/number';
import { RejectionsTable } from './rejections-table';

const COUNTS: { key: 'read' | 'imported' | 'updated' | 'unchanged' | 'duplicates' | 'rejected'; label: string }[] = [
  { key: 'read', label: 'Lus' },
  { key: 'imported', label: 'Importés' },
  { key: 'updated', label: 'Mis à jour' },
  { key: 'unchanged', label: 'Inchangés' },
  { key: 'duplicates', label: 'Doublons' },
  { key: 'rejected', label: 'Rejetés' },
];

/** What a DECP import did: counts, proposed needs and the table of rejected records. */
export function DecpSummary({ result }: { result: DecpImportResult }) {
  return (
    <Stack aria-live="polite">
      <SimpleGrid cols={{ base: 3, md: 6 }}>
        {COUNTS.map(({ key, label }) => (
          <div key={key}>
            <Text size="xs" c="dimmed" tt="uppercase">
              {label}
            </Text>
            <Text fw={700} size="xl">
              {formatNumber(result[key])}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {`${formatNumber(result.flagged)} contrats signalés, ${formatNumber(result.outside)} marchés d’acheteurs hors du territoire laissés de côté. Besoins proposés aux acheteurs : ${formatNumber(result.proposedNeeds.created)} créés, ${formatNumber(result.proposedNeeds.updated)} mis à jour. Chaque acheteur les confirme ou les rejette dans son recensement.`}
      </Text>
      <RejectionsTable rejections={result.rejections} isTruncated={result.rejectionsTruncated} />
    </Stack>
  );
}
