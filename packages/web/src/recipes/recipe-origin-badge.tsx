import { Badge } from '@mantine/core';
import type { RecipeOrigin } from './recipe-form-values';

export const ORIGIN_BADGES: Record<RecipeOrigin, { label: string; color: string; meaning: string }> = {
  shipped: { label: 'fournie', color: 'gray', meaning: 'livrée avec Mutualis, telle quelle' },
  edited: { label: 'modifiée', color: 'orange', meaning: 'recette fournie adaptée pour ce territoire ; l’originale peut être rétablie' },
  territory: { label: 'du territoire', color: 'teal', meaning: 'ajoutée pour ce territoire' },
};

export function RecipeOriginBadge({ origin }: { origin: RecipeOrigin }) {
  const { label, color } = ORIGIN_BADGES[origin];
  return (
    <Badge size="sm" variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}
