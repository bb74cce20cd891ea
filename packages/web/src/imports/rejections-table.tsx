import { Table, Text, Title } from '@mantine/core';
import { countFr, type DecpImportResult } from '@mutualis/contract';
import { formatNumber } from '../format/number';

type RejectionKind = keyof DecpImportResult['rejectedByKind'];

const KIND_NAMES: [RejectionKind, string][] = [
  ['concession', 'contrats de concession'],
  ['test', 'enregistrements de test'],
  ['no_buyer', 'sans acheteur'],
  ['unreadable', 'illisibles ou refusés'],
];

/** What a preview and a result both say of the records left out. */
type Rejections = Pick<DecpImportResult, 'rejections' | 'rejectionsTruncated' | 'rejected' | 'rejectedByKind'>;

/** The records an import left out, counted by kind, then listed: file, record (or CSV line), field and reason. */
export function RejectionsTable({ of }: { of: Rejections }) {
  const { rejections, rejectionsTruncated: isTruncated, rejected, rejectedByKind } = of;
  if (rejections.length === 0) return null;
  const kinds = KIND_NAMES.filter(([kind]) => rejectedByKind[kind] > 0)
    .map(([kind, name]) => `${name} : ${formatNumber(rejectedByKind[kind])}`)
    .join(', ');
  return (
    <>
      <Title order={4} size="h5">
        {`${countFr(rejected, 'enregistrement rejeté')}${kinds === '' ? '' : ` (${kinds})`}`}
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
