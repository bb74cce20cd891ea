import { BarChart } from '@mantine/charts';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { SavingsView } from '@mutualis/contract';
import { formatCompactEuros, formatWholeEuros } from '../format/money';
import { WithheldNote } from '../opportunities/withheld-figures';

/**
 * Estimated → committed → realised savings of the groupement, with one line per member; the
 * groupement's totals only where the reader may see them (otherwise the reason is said).
 */
export function SavingsCard({ savings }: { savings: SavingsView }) {
  const { total } = savings;
  const data = total && [
    { step: 'Estimées au lancement (€/an)', amount: total.estimated.central },
    { step: 'Engagées à l’attribution (€/an)', amount: total.committedSavingsCents },
    { step: 'Réalisées à ce jour', amount: total.realisedSavingsCents },
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={2} size="h3">
          Économies : de l’estimation à la réalité
        </Title>
        {savings.withheld && <WithheldNote withheld={savings.withheld} title="Totaux du groupement non communiqués" />}
        {data && (
          <BarChart
            h={170}
            data={data}
            dataKey="step"
            orientation="vertical"
            series={[{ name: 'amount', label: 'Économies', color: 'teal.6' }]}
            valueFormatter={formatWholeEuros}
            xAxisProps={{ tickFormatter: (v: number) => formatCompactEuros(v) }}
            yAxisProps={{ width: 230 }}
            withBarValueLabel
            aria-label="Économies estimées, engagées et réalisées du groupement"
          />
        )}
        <Table striped aria-label="Économies par membre">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Membre</Table.Th>
              <Table.Th ta="right">Dépense avant (€/an)</Table.Th>
              <Table.Th ta="right">Estimées (€/an)</Table.Th>
              <Table.Th ta="right">Engagées (€/an)</Table.Th>
              <Table.Th ta="right">Payé à ce jour</Table.Th>
              <Table.Th ta="right">Réalisées à ce jour</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {savings.members.map((m) => (
              <Table.Tr key={m.organizationId}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td ta="right">{formatWholeEuros(m.baselineCents)}</Table.Td>
                <Table.Td ta="right">
                  {m.estimated === null ? 'non communiqué' : `${formatWholeEuros(m.estimated.low)} à ${formatWholeEuros(m.estimated.high)}`}
                </Table.Td>
                <Table.Td ta="right">{formatWholeEuros(m.committedSavingsCents)}</Table.Td>
                <Table.Td ta="right">{formatWholeEuros(m.realisedSpendCents)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatWholeEuros(m.realisedSavingsCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Engagées : prix attribué × quantités prévues au lancement, comparé au prix payé avant. Réalisées : quantités livrées valorisées au
          prix d’avant, moins ce qui a été payé. {savings.caveat}
        </Text>
      </Stack>
    </Paper>
  );
}
