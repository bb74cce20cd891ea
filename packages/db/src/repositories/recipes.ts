import type { Recipe, RecipeCompetence, RecipeInput } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';
import type { RecipeTable } from '../schema-local-capacity';
import { readJson, writeJson } from './json-column';

/** A recipe stored for a territory; one with the id of a shipped recipe replaces it there. */
export interface StoredRecipe extends Recipe {
  territoryId: string;
  updatedAt: string;
}

const CONTEXT = { referenceField: 'territoryId' };

export function createRecipeRepository(db: Kysely<Database>) {
  return {
    /** Stored recipes of a territory, ordered by label. */
    async listForTerritory(territoryId: string): Promise<StoredRecipe[]> {
      const rows = await db
        .selectFrom('recipes')
        .selectAll()
        .where('territory_id', '=', territoryId)
        .orderBy('label')
        .orderBy('id')
        .execute();
      return rows.map(toRecipe);
    },

    async getById(territoryId: string, id: string): Promise<StoredRecipe | undefined> {
      const row = await db
        .selectFrom('recipes')
        .selectAll()
        .where('territory_id', '=', territoryId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRecipe(row);
    },

    /** Stores the recipe, replacing the territory's recipe of the same id. */
    async upsert(territoryId: string, recipe: Recipe): Promise<StoredRecipe> {
      const updatedAt = nowIso();
      const values = {
        product_cpv_code: recipe.productCpvCode,
        label: recipe.label,
        unit: recipe.unit,
        inputs_json: writeJson(recipe.inputs),
        competences_json: writeJson(recipe.competences),
        provenance: recipe.provenance,
        updated_at: updatedAt,
      };
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('recipes')
          .values({ territory_id: territoryId, id: recipe.id, ...values })
          .onConflict((oc) => oc.columns(['territory_id', 'id']).doUpdateSet(values))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toRecipe(row);
    },

    /** Removes the territory's recipe; returns whether one existed. */
    async delete(territoryId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom('recipes').where('territory_id', '=', territoryId).where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type RecipeRepository = ReturnType<typeof createRecipeRepository>;

function toRecipe(row: Selectable<RecipeTable>): StoredRecipe {
  return {
    territoryId: row.territory_id,
    id: row.id,
    productCpvCode: row.product_cpv_code,
    label: row.label,
    unit: row.unit,
    inputs: readJson<RecipeInput[]>(row.inputs_json),
    competences: readJson<RecipeCompetence[]>(row.competences_json),
    provenance: row.provenance,
    updatedAt: row.updated_at,
  };
}
