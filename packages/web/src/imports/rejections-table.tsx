import { Table, Text, Title } from '@mantine/core';
import type { DecpImportResult, DecpRejectionDto } from '@mutualis/contract';
import { formatCount, formatNumber } from '../format/number';

const KIND_NAMES: Record<keyof DecpImportResult['rejectedByKind'], string> = {
  concession: 'contrats de concession',
  test: 'enregistrements de test',
  no_buyer: 'sans acheteur',
  unreadable: 'illisibles ou refusés',
};

interface RejectionsTableProps {
  rejections: readonly DecpRejectionDto[];
  isTruncated: boolean;
  rejected: number;
  byKind: DecpImportResult['rejectedByKind'];
}

/** The records an import left out, counted by kind, then listed: file, record (or CSV line), field and reason. */
export function RejectionsTable({ rejections, isTruncated, rejected, byKind }: RejectionsTableProps) {
  if (rejections.length === 0) return null;
  const kinds = Object.entries(KIND_NAMES)
    .filter(([kind]) => byKind[kind as keyof typeof KIND_NAMES] > 0)
    .map(([kind, name]) => `${name} : ${formatNumber(byKind[kind as keyof typeof KIND_NAMES])}`)
    .join(', ');
  return (
    <>
      <Title order={4} size="h5">
        {`${formatCount(rejected, 'enregistrement rejeté', 'enregistrements rejetés')}${kinds === '' ? '' : ` (${kinds})`}`}
      </Title>
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
