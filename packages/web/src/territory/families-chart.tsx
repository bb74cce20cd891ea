import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TerritoryOverview } from '../api/types';
import { formatCompactEuros, formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';

interface FamiliesChartProps {
  families: TerritoryOverview['families'];
}

const MAX_BARS = 10;

function shorten(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 2)}…` : label;
}

/**
 * The largest families by annual amount, as horizontal bars (long French labels need the room);
 * by number of needs when amounts are withheld from the reader.
 */
export function FamiliesChart({ families }: FamiliesChartProps) {
  // On a phone the labels' column shrinks so that the bars keep some room.
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  if (families.length === 0) return <Text c="dimmed">Aucun besoin recensé pour l’instant.</Text>;
  const byAmount = families.every((f) => f.annualAmountCents !== null);
  const value = (f: FamiliesChartProps['families'][number]) => (byAmount ? (f.annualAmountCents ?? 0) : f.needsCount);
  const top = [...families].sort((a, b) => value(b) - value(a)).slice(0, MAX_BARS);
  const data = top.map((family) => ({ family: shorten(family.label, isPhone ? 22 : 60), amount: value(family) }));
  const format = byAmount ? formatWholeEuros : formatNumber;
  // The chart's text alternative: every bar, read out.
  const summary = top.map((family) => `${family.label} : ${format(value(family))}`).join(' ; ');
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
        yAxisProps={{ width: isPhone ? 150 : 360, tick: { fontSize: isPhone ? 11 : 13 } }}
        gridAxis="x"
        role="img"
        aria-label={`${byAmount ? 'Montant annuel par famille d’achat' : 'Nombre de besoins par famille d’achat'}. ${summary}`}
      />
      {families.length > MAX_BARS && (
        <Text size="xs" c="dimmed" mt="xs">
          {`Les ${MAX_BARS} familles ${byAmount ? 'aux montants les plus élevés' : 'aux besoins les plus nombreux'} sur ${families.length}.`}
        </Text>
      )}
    </>
  );
}
