import { BarChart } from '@mantine/charts';
import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { SavingsView } from '@mutualis/contract';
import { formatCompactEuros, formatWholeEuros } from '../format/money';
import { WithheldNote } from '../opportunities/withheld-figures';

/** A savings figure, « Inconnue » when it cannot be computed (never 0). */
const savingsText = (cents: number | null) => (cents === null ? 'Inconnue' : formatWholeEuros(cents));

/**
 * Estimated → committed → realised savings of the groupement, with one line per member; the
 * groupement's totals only where the reader may see them (otherwise the reason is said).
 */
export function SavingsCard({ savings }: { savings: SavingsView }) {
  const { total } = savings;
  const data = total && [
    { step: 'Estimées au lancement (€/an)', amount: total.estimated.central },
    // An unknown total draws its computable part, and says so in its label.
    {
      step: `Engagées à l’attribution (€/an)${total.committedSavingsCents === null ? ', partiel' : ''}`,
      amount: total.committedKnownCents,
    },
    { step: `Réalisées à ce jour${total.realisedSavingsCents === null ? ', partiel' : ''}`, amount: total.realisedKnownCents },
  ];
  const unknown = total ? [total.committedUnknown, total.realisedUnknown].filter((r) => r !== null) : [];
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
            role="img"
            aria-label="Économies estimées, engagées et réalisées du groupement (détail dans le tableau ci-dessous)"
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
                <Table.Td ta="right" title={m.committedUnknown ?? undefined}>
                  {savingsText(m.committedSavingsCents)}
                </Table.Td>
                <Table.Td ta="right">{formatWholeEuros(m.realisedSpendCents)}</Table.Td>
                <Table.Td ta="right" fw={600} title={m.realisedUnknown ?? undefined}>
                  {savingsText(m.realisedSavingsCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {unknown.length > 0 && (
          <Alert color="orange" variant="light" title="Économies qui ne peuvent pas être calculées" data-testid="savings-unknown">
            {unknown.join(' ')}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          Engagées : prix attribué × quantités prévues au lancement, comparé au prix payé avant. Réalisées : quantités livrées valorisées au
          prix d’avant, moins ce qui a été payé. {savings.caveat}
        </Text>
      </Stack>
    </Paper>
  );
}
