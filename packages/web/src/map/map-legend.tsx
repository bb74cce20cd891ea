import { Group, Text } from '@mantine/core';

interface MapLegendProps {
  items: { color: string; label: string; outlined?: boolean }[];
}

/** The legend under a map: one coloured dot per kind of marker. */
export function MapLegend({ items }: MapLegendProps) {
  return (
    <Group gap="lg" mt="xs">
      {items.map((item) => (
        <Group key={item.label} gap={6}>
          <svg width="14" height="14" aria-hidden>
            <circle cx="7" cy="7" r="6" fill={item.color} stroke={item.outlined ? '#212529' : '#ffffff'} strokeWidth="1.5" />
          </svg>
          <Text size="sm">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
