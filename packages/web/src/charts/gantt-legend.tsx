import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface GanttLegendWave {
  label: string;
  color: string;
}

function Swatch({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="26" height="12" aria-hidden="true">
        {children}
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** Key of the Gantt chart: what each fill, line and marker means. */
export function GanttLegend({ waves }: { waves: GanttLegendWave[] }) {
  return (
    <Group gap="lg" mt="xs" aria-label="Légende du calendrier">
      <Swatch label="Période ferme du marché en cours">
        <rect width="26" height="12" rx="2" fill="var(--mantine-color-blue-6)" />
      </Swatch>
      <Swatch label="Reconductions déjà exercées">
        <rect width="26" height="12" rx="2" fill="var(--mantine-color-blue-3)" />
      </Swatch>
      <Swatch label="Reconductions encore possibles (hachuré)">
        <defs>
          <pattern id="legend-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="5" stroke="var(--mantine-color-blue-4)" strokeWidth="2" />
          </pattern>
        </defs>
        <rect width="26" height="12" rx="2" fill="url(#legend-hatch)" stroke="var(--mantine-color-blue-4)" />
      </Swatch>
      <Swatch label="Prolongation par avenant ou marché relais">
        <rect width="26" height="12" rx="2" fill="var(--mantine-color-orange-4)" />
      </Swatch>
      <Swatch label="Fenêtre d’entrée possible">
        <line x1="1" y1="6" x2="25" y2="6" stroke="var(--mantine-color-gray-7)" strokeWidth="2" />
        <line x1="1" y1="2" x2="1" y2="10" stroke="var(--mantine-color-gray-7)" strokeWidth="2" />
      </Swatch>
      {waves.map((wave) => (
        <Swatch key={wave.label} label={wave.label}>
          <path d="M13 0 L19 6 L13 12 L7 6 Z" fill={wave.color} stroke="white" />
        </Swatch>
      ))}
    </Group>
  );
}
