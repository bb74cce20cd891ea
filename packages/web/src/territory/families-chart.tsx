import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { TerritoryOverview } from '../api/types';
import { formatCompactEuros, formatWholeEuros } from '../format/money';

interface FamiliesChartProps {
  families: TerritoryOverview['families'];
}

const MAX_BARS = 10;

function shorten(label: string): string {
  return label.length > 60 ? `${label.slice(0, 58)}…` : label;
}

/** The largest families by annual amount, as horizontal bars (long French labels need the room). */
export function FamiliesChart({ families }: FamiliesChartProps) {
  if (families.length === 0) return <Text c="dimmed">Aucun besoin recensé pour l’instant.</Text>;
  const top = [...families].sort((a, b) => b.annualAmountCents - a.annualAmountCents).slice(0, MAX_BARS);
  const data = top.map((family) => ({ family: shorten(family.label), amount: family.annualAmountCents }));
  return (
    <>
      <BarChart
        h={Math.max(200, top.length * 40 + 50)}
        data={data}
        dataKey="family"
        orientation="vertical"
        series={[{ name: 'amount', label: 'Montant annuel HT', color: 'teal.6' }]}
        valueFormatter={formatWholeEuros}
        xAxisProps={{ tickFormatter: (value: number) => formatCompactEuros(value) }}
        yAxisProps={{ width: 360, tick: { fontSize: 13 } }}
        gridAxis="x"
        aria-label="Montant annuel par famille d’achat"
      />
      {families.length > MAX_BARS && (
        <Text size="xs" c="dimmed" mt="xs">
          Les {MAX_BARS} familles aux montants les plus élevés sur {families.length}.
        </Text>
      )}
    </>
  );
}
