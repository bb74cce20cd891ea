import { formatDateFr } from './french-dates';
import type { GanttRow as Row, GanttSegmentKind } from './gantt-types';
import type { TimeScale } from './time-scale';

interface GanttRowProps {
  row: Row;
  scale: TimeScale;
  y: number;
  height: number;
  labelWidth: number;
  plotRight: number;
  hatchId: string;
}

const BAR_HEIGHT = 14;

const FILLS: Record<GanttSegmentKind, string> = {
  option: 'none',
  firm: 'var(--mantine-color-blue-6)',
  exercised: 'var(--mantine-color-blue-3)',
  bridge: 'var(--mantine-color-orange-4)',
};

function truncate(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** One line of the Gantt chart: label, contract stretches, entry window and entry marker. */
export function GanttRow({ row, scale, y, height, labelWidth, plotRight, hatchId }: GanttRowProps) {
  const barY = y + 7;
  const windowY = barY + BAR_HEIGHT + 6;
  const maxChars = Math.floor((labelWidth - 14) / 6.6);
  return (
    <g>
      <rect x={0} y={y} width={4} height={height - 2} fill={row.color} />
      <text x={10} y={y + 15} fontSize={12.5} fontWeight={600} fill="var(--mantine-color-dark-7)">
        <title>{row.label}</title>
        {truncate(row.label, maxChars)}
      </text>
      {row.sublabel && (
        <text x={10} y={y + 30} fontSize={11} fill="var(--mantine-color-gray-7)">
          <title>{row.sublabel}</title>
          {truncate(row.sublabel, maxChars + 4)}
        </text>
      )}
      <line x1={labelWidth} x2={plotRight} y1={y + height - 1} y2={y + height - 1} stroke="var(--mantine-color-gray-2)" />
      {row.segments.map((segment) => {
        const x1 = scale.x(segment.from);
        const width = Math.max(2, scale.x(segment.to) - x1);
        const isOption = segment.kind === 'option';
        return (
          <rect
            key={`${segment.kind}-${segment.from}`}
            x={x1}
            y={barY}
            width={width}
            height={BAR_HEIGHT}
            rx={2}
            fill={isOption ? `url(#${hatchId})` : FILLS[segment.kind]}
            stroke={isOption ? 'var(--mantine-color-blue-4)' : 'none'}
            data-kind={segment.kind}
          >
            <title>{segment.title}</title>
          </rect>
        );
      })}
      {row.segments.length === 0 && row.emptyText && (
        <text x={labelWidth + 8} y={barY + 11} fontSize={11.5} fontStyle="italic" fill="var(--mantine-color-gray-6)">
          {row.emptyText}
        </text>
      )}
      {row.window && (
        <g stroke="var(--mantine-color-gray-7)" strokeWidth={2}>
          <title>{`Entrée possible du ${formatDateFr(row.window.from)} ${row.window.to ? `au ${formatDateFr(row.window.to)}` : 'sans date limite'}`}</title>
          <line x1={scale.x(row.window.from)} x2={row.window.to ? scale.x(row.window.to) : plotRight} y1={windowY} y2={windowY} />
          <line x1={scale.x(row.window.from)} x2={scale.x(row.window.from)} y1={windowY - 4} y2={windowY + 4} />
          {row.window.to && <line x1={scale.x(row.window.to)} x2={scale.x(row.window.to)} y1={windowY - 4} y2={windowY + 4} />}
        </g>
      )}
      {row.marker && (
        <path d={diamond(scale.x(row.marker.date), windowY, 7)} fill={row.color} stroke="white" strokeWidth={1.5} data-testid="gantt-entry">
          <title>{row.marker.title}</title>
        </path>
      )}
    </g>
  );
}

function diamond(cx: number, cy: number, r: number): string {
  return `M${cx} ${cy - r} L${cx + r} ${cy} L${cx} ${cy + r} L${cx - r} ${cy} Z`;
}
