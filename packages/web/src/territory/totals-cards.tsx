import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';
import type { TerritoryOverview } from '../api/types';

interface TotalsCardsProps {
  totals: TerritoryOverview['totals'];
}

export function TotalsCards({ totals }: TotalsCardsProps) {
  const cards = [
    { label: 'Acheteurs membres', value: formatNumber(totals.organizationsCount) },
    { label: 'Besoins recensés', value: formatNumber(totals.needsCount) },
    {
      label: 'Montant annuel HT',
      value: totals.annualAmountCents === null ? 'non communiqué' : formatWholeEuros(totals.annualAmountCents),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
      {cards.map((card) => (
        <Paper key={card.label} withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {card.label}
          </Text>
          <Text fw={700} size="xl">
            {card.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
