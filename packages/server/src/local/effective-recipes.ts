import { DEFAULT_RECIPES, type Recipe } from '@mutualis/core';
import type { StoredRecipe } from '@mutualis/db';

/** A recipe as a territory uses it: shipped (DEFAULT_RECIPES), or stored by its facilitator. */
export interface TerritoryRecipe extends Recipe {
  isShipped: boolean;
  /** A stored recipe carrying the id of a shipped one replaces it in this territory. */
  isEdited: boolean;
}

/** The shipped recipes, each replaced by the territory's stored one of the same id, then the territory's own. */
export function effectiveRecipes(stored: readonly StoredRecipe[]): TerritoryRecipe[] {
  const byId = new Map(stored.map(({ territoryId: _t, updatedAt: _u, ...recipe }) => [recipe.id, recipe] as const));
  const shippedIds = new Set(DEFAULT_RECIPES.map((r) => r.id));
  const shipped = DEFAULT_RECIPES.map((r) => {
    const edited = byId.get(r.id);
    return edited ? { ...edited, isShipped: true, isEdited: true } : { ...r, isShipped: true, isEdited: false };
  });
  const own = [...byId.values()].filter((r) => !shippedIds.has(r.id)).map((r) => ({ ...r, isShipped: false, isEdited: false }));
  return [...shipped, ...own];
}

/** Whether `id` names a shipped recipe. */
export function isShippedRecipeId(id: string): boolean {
  return DEFAULT_RECIPES.some((r) => r.id === id);
}
