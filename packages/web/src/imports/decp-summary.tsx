import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { DecpImportSummary } from '@mutualis/contract';
import { formatNumber } from '../format/number';

const COUNTS: { key: 'read' | 'imported' | 'updated' | 'unchanged' | 'duplicates' | 'rejected'; label: string }[] = [
  { key: 'read', label: 'Lus' },
  { key: 'imported', label: 'Importés' },
  { key: 'updated', label: 'Mis à jour' },
  { key: 'unchanged', label: 'Inchangés' },
  { key: 'duplicates', label: 'Doublons' },
  { key: 'rejected', label: 'Rejetés' },
];

/** The outcome of a DECP upload: counts, proposed needs and the table of rejected records. */
export function DecpSummary({ summary }: { summary: DecpImportSummary }) {
  return (
    <Stack aria-live="polite">
      <SimpleGrid cols={{ base: 3, md: 6 }}>
        {COUNTS.map(({ key, label }) => (
          <div key={key}>
            <Text size="xs" c="dimmed" tt="uppercase">
              {label}
            </Text>
            <Text fw={700} size="xl">
              {formatNumber(summary[key])}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {`Besoins proposés aux acheteurs : ${formatNumber(summary.proposedNeeds.created)} créés, ${formatNumber(summary.proposedNeeds.updated)} mis à jour. Chaque acheteur les confirme ou les rejette dans son recensement.`}
      </Text>
      {summary.rejections.length > 0 && (
        <Table.ScrollContainer minWidth={700} mah={420}>
          <Table striped withTableBorder stickyHeader aria-label="Enregistrements rejetés">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fichier</Table.Th>
                <Table.Th>Enregistrement</Table.Th>
                <Table.Th>Champ</Table.Th>
                <Table.Th>Motif</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.rejections.map((r) => (
                <Table.Tr key={`${r.file}-${r.record}-${r.field}-${r.reason}`}>
                  <Table.Td>{r.file}</Table.Td>
                  <Table.Td>{r.record}</Table.Td>
                  <Table.Td>{r.field}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {summary.rejectionsTruncated && (
        <Text size="sm" c="dimmed">
          Seuls les 200 premiers rejets sont listés.
        </Text>
      )}
    </Stack>
  );
}
