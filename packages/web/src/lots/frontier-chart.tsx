import { Box, Button, Group, Text } from '@mantine/core';
import type { DesignedStructureDto } from '@mutualis/contract';
import { CartesianGrid, Label, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompactEuros, formatWholeEuros } from '../format/money';

interface FrontierChartProps {
  frontier: DesignedStructureDto[];
  recommendedId: string;
  chosenId: string;
  onChoose: (id: string) => void;
}

interface Point {
  id: string;
  share: number;
  savings: number;
  lots: number;
  /** Rank among structures at the same figure and nearly the same share: their labels are stacked. */
  stack: number;
  /** Rank among structures at exactly the same place: their dots are shifted. */
  shift: number;
}

function fillOf(point: Point, recommendedId: string, chosenId: string): string {
  if (point.id === recommendedId) return '#2f9e44';
  if (point.id === chosenId) return '#1c7ed6';
  return '#adb5bd';
}

/** Savings against the share of demand local firms can answer: each point is one way to cut the lots. */
export function FrontierChart({ frontier, recommendedId, chosenId, onChoose }: FrontierChartProps) {
  const near = new Map<string, number>();
  const same = new Map<string, number>();
  const rank = (map: Map<string, number>, key: string) => {
    const r = map.get(key) ?? 0;
    map.set(key, r + 1);
    return r;
  };
  // Splits that keep the opportunity's figure (published cap) line up at one height: stack their labels.
  const data: Point[] = frontier.map((s) => {
    const share = Math.round(s.accessibleShare * 100);
    const stack = rank(near, `${Math.round(share / 15)}|${s.savingsCents}`);
    const shift = rank(same, `${share}|${s.savingsCents}`);
    return { id: s.id, share, savings: s.savingsCents, lots: s.lots.length, stack, shift };
  });
  return (
    <>
      {/* The chart is drawn for the eye; the buttons under it say the same and choose by keyboard. */}
      <Box aria-hidden="true">
        <ResponsiveContainer width="100%" height={300}>
          <ScatterChart
            margin={{ top: 16, right: 24, bottom: 30, left: 30 }}
            aria-label="Frontière économies / accès des entreprises locales"
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="share" domain={[0, 100]} unit=" %" tickCount={6}>
              <Label value="Part du volume accessible aux entreprises locales" position="bottom" offset={10} />
            </XAxis>
            <YAxis type="number" dataKey="savings" tickFormatter={(v: number) => formatCompactEuros(v)} width={80}>
              <Label value="Économies estimées / an" angle={-90} position="insideLeft" offset={-20} style={{ textAnchor: 'middle' }} />
            </YAxis>
            <Tooltip
              formatter={(value: number, name: string) => (name === 'savings' ? formatWholeEuros(value) : `${value} %`)}
              labelFormatter={() => ''}
              content={({ payload }) => {
                const point = payload?.[0]?.payload as Point | undefined;
                if (!point) return null;
                return (
                  <div style={{ background: 'white', border: '1px solid #ced4da', padding: 8, borderRadius: 6 }}>
                    <b>
                      {point.lots} lot{point.lots > 1 ? 's' : ''}
                    </b>
                    {point.id === recommendedId ? ' (recommandé)' : ''}
                    <br />
                    Économies : {formatWholeEuros(point.savings)} / an
                    <br />
                    Part accessible : {point.share} %
                  </div>
                );
              }}
            />
            <Scatter
              data={data}
              onClick={(point: { id?: string }) => point.id && onChoose(point.id)}
              cursor="pointer"
              shape={(props: { cx?: number; cy?: number; payload?: Point }) => {
                const point = props.payload;
                if (!point || props.cx === undefined || props.cy === undefined) return <g />;
                const big = point.id === recommendedId || point.id === chosenId;
                return (
                  <g>
                    <circle
                      cx={props.cx + point.shift * 8}
                      cy={props.cy}
                      r={big ? 10 : 7}
                      fill={fillOf(point, recommendedId, chosenId)}
                      stroke="#212529"
                      strokeWidth={point.id === chosenId ? 3 : 1}
                    />
                    <text
                      x={point.share > 60 ? props.cx - 14 : props.cx + 14 + point.shift * 8}
                      y={props.cy + 4 + point.stack * 15}
                      fontSize={12}
                      fill="#212529"
                      textAnchor={point.share > 60 ? 'end' : 'start'}
                    >
                      {point.lots} lot{point.lots > 1 ? 's' : ''}
                      {point.id === recommendedId ? ' · recommandé' : ''}
                    </text>
                  </g>
                );
              }}
            />
          </ScatterChart>
        </ResponsiveContainer>
      </Box>
      <Group gap={6} mt="xs" role="group" aria-label="Découpages possibles">
        {data.map((point) => (
          <Button
            key={point.id}
            size="compact-xs"
            variant={point.id === chosenId ? 'filled' : 'default'}
            aria-pressed={point.id === chosenId}
            onClick={() => onChoose(point.id)}
          >
            {`${point.lots} lot${point.lots > 1 ? 's' : ''}${point.id === recommendedId ? ' (recommandé)' : ''} : ${point.share} % accessible, ${formatCompactEuros(point.savings)} / an`}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Cliquez un point ou un bouton pour voir son découpage. Vert : découpage recommandé (le plus d’économies avec tous les lots
        accessibles) ; bleu : autre découpage choisi ; contour épais : découpage affiché dessous.
      </Text>
    </>
  );
}
