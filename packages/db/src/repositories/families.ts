import type { PurchaseFamily } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { guardWrite } from '../dialect/write-error';
import type { Database, PurchaseFamilyTable } from '../schema';
import { readJson, writeJson } from './json-column';

export type NewPurchaseFamily = Omit<PurchaseFamily, 'id'> & { id?: string };
export type PurchaseFamilyPatch = Partial<Omit<PurchaseFamily, 'id' | 'territoryId'>>;

const CONTEXT = { referenceField: 'territoryId' };

export function createFamilyRepository(db: Kysely<Database>) {
  async function getById(id: string): Promise<PurchaseFamily | undefined> {
    const row = await db.selectFrom('purchase_families').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toFamily(row);
  }

  return {
    getById,

    /**
     * Families usable in a territory: the shipped ones (no territory) plus the territory's own.
     * Without `territoryId`, only the shipped ones. Ordered by name.
     */
    async list(filter: { territoryId?: string } = {}): Promise<PurchaseFamily[]> {
      const rows = await db
        .selectFrom('purchase_families')
        .selectAll()
        .where((eb) => {
          const shipped = eb('territory_id', 'is', null);
          return filter.territoryId === undefined ? shipped : eb.or([shipped, eb('territory_id', '=', filter.territoryId)]);
        })
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toFamily);
    },

    async insert(input: NewPurchaseFamily): Promise<PurchaseFamily> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('purchase_families')
          .values({
            id: input.id ?? newId(),
            territory_id: input.territoryId,
            name: input.name,
            cpv_codes_json: writeJson(input.cpvCodes),
            keywords_json: writeJson(input.keywords),
            elasticity_json: writeJson(input.elasticity),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toFamily(row);
    },

    async update(id: string, patch: PurchaseFamilyPatch): Promise<PurchaseFamily | undefined> {
      if (Object.values(patch).every((value) => value === undefined)) return getById(id);
      const row = await db
        .updateTable('purchase_families')
        .set({
          name: patch.name,
          cpv_codes_json: patch.cpvCodes && writeJson(patch.cpvCodes),
          keywords_json: patch.keywords && writeJson(patch.keywords),
          elasticity_json: patch.elasticity && writeJson(patch.elasticity),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toFamily(row);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('purchase_families').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type FamilyRepository = ReturnType<typeof createFamilyRepository>;

function toFamily(row: Selectable<PurchaseFamilyTable>): PurchaseFamily {
  return {
    id: row.id,
    territoryId: row.territory_id,
    name: row.name,
    cpvCodes: readJson<string[]>(row.cpv_codes_json),
    keywords: readJson<string[]>(row.keywords_json),
    elasticity: readJson<PurchaseFamily['elasticity']>(row.elasticity_json),
  };
}
