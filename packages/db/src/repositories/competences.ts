import type { Competence, CompetenceKind } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { guardWrite } from '../dialect/write-error';
import type { CompetenceTable, Database } from '../schema';

const CONTEXT = { referenceField: 'code' };

/** A stored competence: shared by every territory (`territoryId` null), or one territory's own. */
export interface StoredCompetence extends Competence {
  territoryId: string | null;
}

export interface CompetenceFilter {
  kind?: CompetenceKind;
  /** The shared competences and those of these territories only; every competence when absent. */
  territoryIds?: readonly string[];
}

/** The controlled vocabulary of competences (small: listed whole, not paginated). */
export function createCompetenceRepository(db: Kysely<Database>) {
  async function getByCode(code: string): Promise<StoredCompetence | undefined> {
    const row = await db.selectFrom('competences').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toCompetence(row);
  }

  return {
    getByCode,

    /** Competences (of one kind, visible to some territories, when given), ordered by French label. */
    async list(filter: CompetenceFilter = {}): Promise<StoredCompetence[]> {
      let query = db.selectFrom('competences').selectAll().orderBy('label_fr').orderBy('code');
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
      const { territoryIds } = filter;
      if (territoryIds !== undefined) {
        query = query.where((eb) =>
          territoryIds.length === 0
            ? eb('territory_id', 'is', null)
            : eb.or([eb('territory_id', 'is', null), eb('territory_id', 'in', territoryIds)]),
        );
      }
      return (await query.execute()).map(toCompetence);
    },

    /** Shared unless `territoryId` is given. Throws `DomainError('conflict')` naming `code` when it exists. */
    async insert(competence: Competence, territoryId: string | null = null): Promise<StoredCompetence> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('competences')
          .values({ code: competence.code, label_fr: competence.labelFr, kind: competence.kind, territory_id: territoryId })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toCompetence(row);
    },

    /** Inserts or relabels a shared competence. */
    async upsert(competence: Competence): Promise<StoredCompetence> {
      const row = await db
        .insertInto('competences')
        .values({ code: competence.code, label_fr: competence.labelFr, kind: competence.kind, territory_id: null })
        .onConflict((oc) => oc.column('code').doUpdateSet({ label_fr: competence.labelFr, kind: competence.kind }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCompetence(row);
    },

    async update(code: string, patch: Partial<Omit<Competence, 'code'>>): Promise<StoredCompetence | undefined> {
      if (patch.labelFr === undefined && patch.kind === undefined) return getByCode(code);
      const row = await db
        .updateTable('competences')
        .set({ label_fr: patch.labelFr, kind: patch.kind })
        .where('code', '=', code)
        .returningAll()
        .executeTakeFirst();
      return row && toCompetence(row);
    },

    async delete(code: string): Promise<boolean> {
      const result = await db.deleteFrom('competences').where('code', '=', code).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type CompetenceRepository = ReturnType<typeof createCompetenceRepository>;

function toCompetence(row: Selectable<CompetenceTable>): StoredCompetence {
  return { code: row.code, labelFr: row.label_fr, kind: row.kind, territoryId: row.territory_id };
}
