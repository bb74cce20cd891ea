import { Table, Text } from '@mantine/core';
import type { DecpRejectionDto } from '@mutualis/contract';

/** The records an import left out: file, record (or CSV line), field and reason. */
export function RejectionsTable({ rejections, isTruncated }: { rejections: readonly DecpRejectionDto[]; isTruncated: boolean }) {
  if (rejections.length === 0) return null;
  return (
    <>
      <Table.ScrollContainer minWidth={700} mah={320}>
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
            {rejections.map((r) => (
              <Table.Tr key={`${r.file}-${r.record}-${r.field}-${r.reason}`}>
                <Table.Td>{r.file}</Table.Td>
                <Table.Td>{r.line === undefined ? `n° ${r.record}` : `ligne ${r.line}`}</Table.Td>
                <Table.Td>{r.field}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {isTruncated && (
        <Text size="sm" c="dimmed">
          Seuls les premiers rejets sont listés.
        </Text>
      )}
    </>
  );
}
