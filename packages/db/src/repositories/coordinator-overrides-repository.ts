import type { Kysely, Selectable } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { CoordinatorOverrideTable, Database } from '../schema';

/** A coordinator imposed by a facilitator for a family (every cell when `cellKey` is null, else one cell). */
export interface CoordinatorOverride {
  territoryId: string;
  /** Family key of the analysis (`famille:<id>` or `cpv:<level>:<code>`). */
  familyKey: string;
  /** Cell code of the analysis (`67`, `territoire`, …); null for every cell of the family. */
  cellKey: string | null;
  organizationId: string;
  updatedAt: string;
}

export type CoordinatorOverrideKey = Pick<CoordinatorOverride, 'territoryId' | 'familyKey' | 'cellKey'>;
export type NewCoordinatorOverride = Omit<CoordinatorOverride, 'updatedAt'>;

const CONTEXT = { referenceField: 'organizationId' };
const ALL_CELLS = '';

export function createCoordinatorOverrideRepository(db: Kysely<Database>) {
  return {
    /** Overrides of a territory, ordered by family then cell. */
    async listForTerritory(territoryId: string): Promise<CoordinatorOverride[]> {
      const rows = await db
        .selectFrom('coordinator_overrides')
        .selectAll()
        .where('territory_id', '=', territoryId)
        .orderBy('family_key')
        .orderBy('cell_key')
        .execute();
      return rows.map(toOverride);
    },

    /** Stores the override, replacing the one of the same (territory, family, cell). */
    async upsert(input: NewCoordinatorOverride): Promise<CoordinatorOverride> {
      const updatedAt = nowIso();
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('coordinator_overrides')
          .values({
            territory_id: input.territoryId,
            family_key: input.familyKey,
            cell_key: input.cellKey ?? ALL_CELLS,
            organization_id: input.organizationId,
            updated_at: updatedAt,
          })
          .onConflict((oc) =>
            oc
              .columns(['territory_id', 'family_key', 'cell_key'])
              .doUpdateSet({ organization_id: input.organizationId, updated_at: updatedAt }),
          )
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toOverride(row);
    },

    /** Removes the override; returns whether one existed. */
    async delete(key: CoordinatorOverrideKey): Promise<boolean> {
      const result = await db
        .deleteFrom('coordinator_overrides')
        .where('territory_id', '=', key.territoryId)
        .where('family_key', '=', key.familyKey)
        .where('cell_key', '=', key.cellKey ?? ALL_CELLS)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type CoordinatorOverrideRepository = ReturnType<typeof createCoordinatorOverrideRepository>;

function toOverride(row: Selectable<CoordinatorOverrideTable>): CoordinatorOverride {
  return {
    territoryId: row.territory_id,
    familyKey: row.family_key,
    cellKey: row.cell_key === ALL_CELLS ? null : row.cell_key,
    organizationId: row.organization_id,
    updatedAt: row.updated_at,
  };
}
