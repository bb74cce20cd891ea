import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { TerritoryOverview } from '../api/types';
import { formatCompactEuros, formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';

interface FamiliesChartProps {
  families: TerritoryOverview['families'];
}

const MAX_BARS = 10;

function shorten(label: string): string {
  return label.length > 60 ? `${label.slice(0, 58)}…` : label;
}

/**
 * The largest families by annual amount, as horizontal bars (long French labels need the room);
 * by number of needs when amounts are withheld from the reader.
 */
export function FamiliesChart({ families }: FamiliesChartProps) {
  if (families.length === 0) return <Text c="dimmed">Aucun besoin recensé pour l’instant.</Text>;
  const byAmount = families.every((f) => f.annualAmountCents !== null);
  const value = (f: FamiliesChartProps['families'][number]) => (byAmount ? (f.annualAmountCents ?? 0) : f.needsCount);
  const top = [...families].sort((a, b) => value(b) - value(a)).slice(0, MAX_BARS);
  const data = top.map((family) => ({ family: shorten(family.label), amount: value(family) }));
  return (
    <>
      <BarChart
        h={Math.max(200, top.length * 40 + 50)}
        data={data}
        dataKey="family"
        orientation="vertical"
        series={[{ name: 'amount', label: byAmount ? 'Montant annuel HT' : 'Besoins recensés', color: 'teal.6' }]}
        valueFormatter={byAmount ? formatWholeEuros : formatNumber}
        xAxisProps={{ tickFormatter: (v: number) => (byAmount ? formatCompactEuros(v) : formatNumber(v)) }}
        yAxisProps={{ width: 360, tick: { fontSize: 13 } }}
        gridAxis="x"
        aria-label={byAmount ? 'Montant annuel par famille d’achat' : 'Nombre de besoins par famille d’achat'}
      />
      {families.length > MAX_BARS && (
        <Text size="xs" c="dimmed" mt="xs">
          {`Les ${MAX_BARS} familles ${byAmount ? 'aux montants les plus élevés' : 'aux besoins les plus nombreux'} sur ${families.length}.`}
        </Text>
      )}
    </>
  );
}
