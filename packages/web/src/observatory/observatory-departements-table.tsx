import { Anchor, Table, Text } from '@mantine/core';
import type { ObservatoryDepartementsDto } from '@mutualis/contract';
import { formatNumber } from '../format/number';

interface ObservatoryDepartementsTableProps {
  departements: ObservatoryDepartementsDto['departements'];
  onChoose: (code: string) => void;
}

/** The départements with most opportunities first (then by code), each a link to its list. */
export function ObservatoryDepartementsTable({ departements, onChoose }: ObservatoryDepartementsTableProps) {
  const sorted = [...departements].sort((a, b) => b.opportunityCount - a.opportunityCount || a.code.localeCompare(b.code));
  if (sorted.every((d) => d.opportunityCount + d.rareCount === 0))
    return (
      <Text c="dimmed" py="lg" ta="center">
        Aucune donnée ouverte importée pour l’instant : importez un fichier DECP (par exemple la consolidation nationale) depuis l’écran
        Imports d’un territoire.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped highlightOnHover aria-label="Départements de l’observatoire">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Département</Table.Th>
            <Table.Th ta="right">Opportunités</Table.Th>
            <Table.Th ta="right">Rarement mutualisées</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((d) => (
            <Table.Tr key={d.code}>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => onChoose(d.code)}>
                  {`${d.code} · ${d.name}`}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(d.opportunityCount)}</Table.Td>
              <Table.Td ta="right">{formatNumber(d.rareCount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
