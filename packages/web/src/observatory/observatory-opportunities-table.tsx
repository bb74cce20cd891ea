import { Button, Table, Text } from '@mantine/core';
import type { ObservatoryOpportunityDto } from '@mutualis/contract';
import { formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';
import { PoolabilityBadge } from '../opportunities/poolability-badge';

interface ObservatoryOpportunitiesTableProps {
  items: ObservatoryOpportunityDto[];
  onOpen: (familyCode: string) => void;
}

/** A département's opportunities in rank order, each with its tier and a way to its evidence. */
export function ObservatoryOpportunitiesTable({ items, onOpen }: ObservatoryOpportunitiesTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Opportunités trouvées dans les données ouvertes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>Rang</Table.Th>
            <Table.Th>Famille d’achat</Table.Th>
            <Table.Th ta="right">Acheteurs</Table.Th>
            <Table.Th ta="right">Marchés publiés</Table.Th>
            <Table.Th ta="right">Montant annuel publié HT</Table.Th>
            <Table.Th>Preuves</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Text fw={700}>{o.rank}</Text>
              </Table.Td>
              <Table.Td>
                <Text fw={600} size="sm">
                  {o.family.label}
                </Text>
                <Text size="xs" c="dimmed">{`CPV ${o.family.code}`}</Text>
                <PoolabilityBadge poolability={o.poolability} />
              </Table.Td>
              <Table.Td ta="right">{formatNumber(o.buyerCount)}</Table.Td>
              <Table.Td ta="right">{formatNumber(o.contractCount)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {formatWholeEuros(o.annualAmountCents)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => onOpen(o.family.code)} aria-label={`Preuves : ${o.family.label}`}>
                  Voir les marchés
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
