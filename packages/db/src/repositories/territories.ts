import type { PoolingScope, Territory } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { guardWrite } from '../dialect/write-error';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import type { Database, TerritoryTable } from '../schema';
import { fromBool, readJson, toBool, writeJson } from './json-column';

export type NewTerritory = Omit<Territory, 'id'> & { id?: string };
export type TerritoryPatch = Partial<Omit<Territory, 'id'>>;

const CONTEXT = { referenceField: 'id' };

export function createTerritoryRepository(db: Kysely<Database>) {
  async function getById(id: string): Promise<Territory | undefined> {
    const row = await db.selectFrom('territories').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTerritory(row);
  }

  return {
    getById,

    async getBySlug(slug: string): Promise<Territory | undefined> {
      const row = await db.selectFrom('territories').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toTerritory(row);
    },

    /** All territories, or those whose id is in `ids`, ordered by name. */
    async list(filter: { ids?: readonly string[] } = {}): Promise<Territory[]> {
      if (filter.ids?.length === 0) return [];
      let query = db.selectFrom('territories').selectAll().orderBy('name').orderBy('id');
      if (filter.ids) query = query.where('id', 'in', [...filter.ids]);
      return (await query.execute()).map(toTerritory);
    },

    /** Throws `DomainError('conflict')` on a duplicate slug. */
    async insert(input: NewTerritory): Promise<Territory> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('territories')
          .values({
            id: input.id ?? newId(),
            slug: input.slug,
            name: input.name,
            pooling_scope_json: writeJson(input.poolingScope),
            is_demo: fromBool(input.isDemo),
            created_at: nowIso(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toTerritory(row);
    },

    async update(id: string, patch: TerritoryPatch): Promise<Territory | undefined> {
      if (Object.values(patch).every((value) => value === undefined)) return getById(id);
      const row = await guardWrite(CONTEXT, () =>
        db
          .updateTable('territories')
          .set({
            slug: patch.slug,
            name: patch.name,
            pooling_scope_json: patch.poolingScope && writeJson(patch.poolingScope),
            is_demo: patch.isDemo === undefined ? undefined : fromBool(patch.isDemo),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst(),
      );
      return row && toTerritory(row);
    },

    /** Deletes the territory and, by cascade, its memberships, roles, families and groupements. */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('territories').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type TerritoryRepository = ReturnType<typeof createTerritoryRepository>;

function toTerritory(row: Selectable<TerritoryTable>): Territory {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    poolingScope: readJson<PoolingScope>(row.pooling_scope_json),
    isDemo: toBool(row.is_demo),
  };
}
