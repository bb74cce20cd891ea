import { ScrollArea, Table, Text } from '@mantine/core';
import type { TerritoryOverview } from '../api/types';
import { formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';

interface FamiliesTableProps {
  families: TerritoryOverview['families'];
}

export function FamiliesTable({ families }: FamiliesTableProps) {
  if (families.length === 0) return <Text c="dimmed">Aucune famille d’achat : les membres n’ont pas encore saisi de besoins.</Text>;
  const sorted = [...families].sort((a, b) => (b.annualAmountCents ?? 0) - (a.annualAmountCents ?? 0) || b.needsCount - a.needsCount);
  return (
    <ScrollArea.Autosize mah={480}>
      <Table striped highlightOnHover stickyHeader verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Famille (division CPV)</Table.Th>
            <Table.Th ta="right">Besoins</Table.Th>
            <Table.Th ta="right">Membres</Table.Th>
            <Table.Th ta="right">Montant annuel HT</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((family) => (
            <Table.Tr key={family.code}>
              <Table.Td>
                <Text size="sm">{family.label}</Text>
                <Text size="xs" c="dimmed">
                  {`Division CPV ${family.code}`}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(family.needsCount)}</Table.Td>
              <Table.Td ta="right">{formatNumber(family.organizationsCount)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {family.annualAmountCents === null ? 'non communiqué' : formatWholeEuros(family.annualAmountCents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
