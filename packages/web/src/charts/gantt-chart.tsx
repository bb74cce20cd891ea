import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId } from 'react';
import { formatDateFr } from './french-dates';
import { GanttRow } from './gantt-row';
import type { GanttLine, GanttRow as Row } from './gantt-types';
import { buildTimeScale, monthTicks } from './time-scale';

interface GanttChartProps {
  rows: Row[];
  /** Vertical lines across every row (today, proposed start…). */
  lines: GanttLine[];
  from: string;
  to: string;
  ariaLabel: string;
}

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 22;
const AXIS_HEIGHT = 24;

/** A responsive SVG Gantt chart with French month labels; one row per line of `rows`. */
export function GanttChart({ rows, lines, from, to, ariaLabel }: GanttChartProps) {
  const { ref, width: measured } = useElementSize();
  const hatchId = `hatch-${useId().replace(/:/g, '')}`;
  const width = Math.max(560, Math.round(measured) || 960);
  const labelWidth = width < 800 ? 170 : 250;
  const plotRight = width - 12;
  const lineLabelsHeight = HEADER_HEIGHT * Math.max(1, lines.length);
  const top = lineLabelsHeight + AXIS_HEIGHT;
  const height = top + rows.length * ROW_HEIGHT + 4;
  const scale = buildTimeScale({ from, to, left: labelWidth, width: plotRight - labelWidth });
  const ticks = monthTicks(scale, plotRight - labelWidth);

  return (
    <Box ref={ref} w="100%" style={{ overflowX: 'auto' }}>
      <svg width={width} height={height} role="img" aria-label={ariaLabel} style={{ display: 'block', fontFamily: 'inherit' }}>
        <defs>
          <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="var(--mantine-color-blue-0)" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="var(--mantine-color-blue-4)" strokeWidth="2" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={`${tick.x}-${tick.label}`}>
            <line
              x1={tick.x}
              x2={tick.x}
              y1={top - 4}
              y2={height}
              stroke={tick.isYearStart ? 'var(--mantine-color-gray-4)' : 'var(--mantine-color-gray-2)'}
            />
            <text x={tick.x + 3} y={top - 8} fontSize={11} fontWeight={tick.isYearStart ? 700 : 400} fill="var(--mantine-color-gray-7)">
              {tick.label}
            </text>
          </g>
        ))}
        {rows.map((row, index) => (
          <GanttRow
            key={row.id}
            row={row}
            scale={scale}
            y={top + index * ROW_HEIGHT}
            height={ROW_HEIGHT}
            labelWidth={labelWidth}
            plotRight={plotRight}
            hatchId={hatchId}
          />
        ))}
        {lines.map((line, index) => {
          const x = scale.x(line.date);
          const labelY = HEADER_HEIGHT * index + 14;
          const anchorEnd = x > plotRight - 220;
          return (
            <g key={`${line.label}-${line.date}`} data-testid="gantt-line">
              <line
                x1={x}
                x2={x}
                y1={labelY + 4}
                y2={height}
                stroke={line.color}
                strokeWidth={2}
                strokeDasharray={line.isDashed ? '5 4' : undefined}
              />
              <text
                x={anchorEnd ? x - 5 : x + 5}
                y={labelY}
                textAnchor={anchorEnd ? 'end' : 'start'}
                fontSize={12}
                fontWeight={700}
                fill={line.color}
              >
                {`${line.label} · ${formatDateFr(line.date)}`}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
