import { Table, Text } from '@mantine/core';
import { type CensusCellErrorDto, type CensusImportResult, countFr } from '@mutualis/contract';

interface CensusErrorTableProps {
  errors: readonly CensusCellErrorDto[];
  /** Names the table for screen readers (default: the file's errors). */
  label?: string;
}

/** The per-cell report of a census file: sheet, row, column and reason of each refused cell. */
export function CensusErrorTable({ errors, label = 'Erreurs du fichier' }: CensusErrorTableProps) {
  if (errors.length === 0) return <Text c="teal.8">Aucune erreur : toutes les lignes sont valides.</Text>;
  return (
    <Table.ScrollContainer minWidth={600} mah={360}>
      <Table striped withTableBorder aria-label={label} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Feuille</Table.Th>
            <Table.Th>Ligne</Table.Th>
            <Table.Th>Colonne</Table.Th>
            <Table.Th>Motif</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.sheet}-${e.row}-${e.column}-${e.field}-${e.reason}`}>
              <Table.Td>{e.sheet ?? '—'}</Table.Td>
              <Table.Td>{e.row ?? '—'}</Table.Td>
              <Table.Td>{e.column || '—'}</Table.Td>
              <Table.Td>{e.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** « 3 lignes lues : 2 valides, 1 refusée. » */
export function rowsReadLine(report: Pick<CensusImportResult, 'rowCount' | 'valid'>): string {
  return `${countFr(report.rowCount, 'ligne lue')} : ${countFr(report.valid, 'valide')}, ${countFr(report.rowCount - report.valid, 'refusée')}.`;
}
