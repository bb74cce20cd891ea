import type { Competence, CompetenceKind } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { guardWrite } from '../dialect/write-error';
import type { CompetenceTable, Database } from '../schema';

const CONTEXT = { referenceField: 'code' };

/** The controlled vocabulary of competences (small: listed whole, not paginated). */
export function createCompetenceRepository(db: Kysely<Database>) {
  async function getByCode(code: string): Promise<Competence | undefined> {
    const row = await db.selectFrom('competences').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toCompetence(row);
  }

  return {
    getByCode,

    /** All competences (of one kind when given), ordered by French label. */
    async list(filter: { kind?: CompetenceKind } = {}): Promise<Competence[]> {
      let query = db.selectFrom('competences').selectAll().orderBy('label_fr').orderBy('code');
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
      return (await query.execute()).map(toCompetence);
    },

    /** Throws `DomainError('conflict')` naming `code` when it exists. */
    async insert(competence: Competence): Promise<Competence> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('competences')
          .values({ code: competence.code, label_fr: competence.labelFr, kind: competence.kind })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toCompetence(row);
    },

    async upsert(competence: Competence): Promise<Competence> {
      const row = await db
        .insertInto('competences')
        .values({ code: competence.code, label_fr: competence.labelFr, kind: competence.kind })
        .onConflict((oc) => oc.column('code').doUpdateSet({ label_fr: competence.labelFr, kind: competence.kind }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCompetence(row);
    },

    async update(code: string, patch: Partial<Omit<Competence, 'code'>>): Promise<Competence | undefined> {
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

function toCompetence(row: Selectable<CompetenceTable>): Competence {
  return { code: row.code, labelFr: row.label_fr, kind: row.kind };
}
