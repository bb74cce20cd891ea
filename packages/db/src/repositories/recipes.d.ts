import type { Recipe } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** A recipe stored for a territory; one with the id of a shipped recipe replaces it there. */
export interface StoredRecipe extends Recipe {
  territoryId: string;
  updatedAt: string;
}
export declare function createRecipeRepository(db: Kysely<Database>): {
  /** Stored recipes of a territory, ordered by label. */
  listForTerritory(territoryId: string): Promise<StoredRecipe[]>;
  getById(territoryId: string, id: string): Promise<StoredRecipe | undefined>;
  /** Stores the recipe, replacing the territory's recipe of the same id. */
  upsert(territoryId: string, recipe: Recipe): Promise<StoredRecipe>;
  /** Removes the territory's recipe; returns whether one existed. */
  delete(territoryId: string, id: string): Promise<boolean>;
};
export type RecipeRepository = ReturnType<typeof createRecipeRepository>;
