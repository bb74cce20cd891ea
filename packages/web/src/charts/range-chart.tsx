import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

export interface RangeDatum {
  label: string;
  /** A few words under the label: what the component is. */
  hint?: string;
  low: number;
  central: number;
  high: number;
  /** Drawn bolder, under a separator (a total). */
  isTotal?: boolean;
}

interface RangeChartProps {
  data: RangeDatum[];
  format: (value: number) => string;
  /** Short axis labels (compact money). */
  formatAxis: (value: number) => string;
  ariaLabel: string;
}

const ROW_HEIGHT = 40;
const AXIS_HEIGHT = 22;

function niceTicks(min: number, max: number, count: number): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step / 1000; t += step) ticks.push(Math.round(t) || 0);
  return ticks;
}

/** Horizontal ranges low–high with the central value marked: for estimates that are never a single number. */
export function RangeChart({ data, format, formatAxis, ariaLabel }: RangeChartProps) {
  const { ref, width: measured } = useElementSize();
  const width = Math.max(520, Math.round(measured) || 900);
  const labelWidth = width < 760 ? 170 : 240;
  const valuesWidth = width < 760 ? 150 : 260;
  const plotLeft = labelWidth + 8;
  const plotRight = width - valuesWidth - 12;
  const min = Math.min(0, ...data.map((d) => d.low));
  const max = Math.max(1, ...data.map((d) => d.high));
  const x = (value: number) => plotLeft + ((value - min) / (max - min)) * (plotRight - plotLeft);
  const height = AXIS_HEIGHT + data.length * ROW_HEIGHT + 6;
  const ticks = niceTicks(min, max, Math.max(2, Math.floor((plotRight - plotLeft) / 110)));

  return (
    <Box ref={ref} w="100%" style={{ overflowX: 'auto' }}>
      <svg width={width} height={height} role="img" aria-label={ariaLabel} style={{ display: 'block' }}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={AXIS_HEIGHT - 4}
              y2={height}
              stroke={tick === 0 ? 'var(--mantine-color-gray-6)' : 'var(--mantine-color-gray-2)'}
            />
            <text x={x(tick)} y={AXIS_HEIGHT - 8} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-7)">
              {formatAxis(tick)}
            </text>
          </g>
        ))}
        {data.map((d, index) => {
          const y = AXIS_HEIGHT + index * ROW_HEIGHT;
          const isNegative = d.high < 0;
          const color = d.isTotal ? 'teal' : isNegative ? 'red' : 'blue';
          const isPoint = d.low === d.high;
          const values = isPoint ? format(d.central) : `${format(d.low)} à ${format(d.high)}`;
          return (
            <g key={d.label} data-testid="range-row">
              {d.isTotal && <line x1={0} x2={width} y1={y + 2} y2={y + 2} stroke="var(--mantine-color-gray-4)" />}
              <text x={0} y={y + (d.hint ? 18 : 24)} fontSize={13} fontWeight={d.isTotal ? 700 : 500} fill="var(--mantine-color-dark-7)">
                {d.label}
              </text>
              {d.hint && (
                <text x={0} y={y + 33} fontSize={11} fill="var(--mantine-color-gray-7)">
                  {d.hint}
                </text>
              )}
              <rect
                x={Math.min(x(d.low), x(d.high))}
                y={y + 12}
                width={Math.max(3, Math.abs(x(d.high) - x(d.low)))}
                height={16}
                rx={3}
                fill={`var(--mantine-color-${color}-${d.isTotal ? 2 : 1})`}
                stroke={`var(--mantine-color-${color}-5)`}
              >
                <title>{`${d.label} : bas ${format(d.low)}, central ${format(d.central)}, haut ${format(d.high)}`}</title>
              </rect>
              <line x1={x(d.central)} x2={x(d.central)} y1={y + 8} y2={y + 32} stroke={`var(--mantine-color-${color}-8)`} strokeWidth={3} />
              <text x={plotRight + 12} y={y + 19} fontSize={12.5} fontWeight={d.isTotal ? 700 : 500} fill="var(--mantine-color-dark-7)">
                {values}
              </text>
              {!isPoint && (
                <text x={plotRight + 12} y={y + 34} fontSize={11} fill="var(--mantine-color-gray-7)">
                  {`central ${format(d.central)}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
