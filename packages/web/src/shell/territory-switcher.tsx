import { Select } from '@mantine/core';
import { navigate } from '../router/navigation';
import { paths } from '../router/routes';
import type { TerritoryChoice } from './current-territory';

interface TerritorySwitcherProps {
  territories: TerritoryChoice[];
  currentSlug: string | null;
  /** Takes the width of its container (the phone menu) instead of the header's sizes. */
  isFullWidth?: boolean;
}

export function TerritorySwitcher({ territories, currentSlug, isFullWidth = false }: TerritorySwitcherProps) {
  if (territories.length === 0) return null;
  return (
    <Select
      aria-label="Territoire"
      placeholder="Choisir un territoire"
      data={territories.map((territory) => ({ value: territory.slug, label: territory.name }))}
      value={currentSlug}
      onChange={(slug) => slug && navigate(paths.territory(slug))}
      allowDeselect={false}
      w={isFullWidth ? '100%' : { base: 200, sm: 300, md: 360, lg: 420 }}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
