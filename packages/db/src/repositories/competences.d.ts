import type { Competence, CompetenceKind } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** The controlled vocabulary of competences (small: listed whole, not paginated). */
export declare function createCompetenceRepository(db: Kysely<Database>): {
  getByCode: (code: string) => Promise<Competence | undefined>;
  /** All competences (of one kind when given), ordered by French label. */
  list(filter?: { kind?: CompetenceKind }): Promise<Competence[]>;
  /** Throws `DomainError('conflict')` naming `code` when it exists. */
  insert(competence: Competence): Promise<Competence>;
  upsert(competence: Competence): Promise<Competence>;
  update(code: string, patch: Partial<Omit<Competence, 'code'>>): Promise<Competence | undefined>;
  delete(code: string): Promise<boolean>;
};
export type CompetenceRepository = ReturnType<typeof createCompetenceRepository>;
