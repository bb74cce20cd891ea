import type { DecpAward } from '@mutualis/core';
import { type MutualisDb } from '../dialect/create-database';
import { type NeedsOutcome } from './refresh-decp-needs';
/** The import a writer writes for: its id (stamped on every row it creates), territory and clock. */
export interface DecpImportTarget {
  importId: string;
  territoryId: string;
  now: string;
}
/** What one chunk did: contracts created, changed, found as they were, and the awards the database refused, with why. */
export interface DecpChunkOutcome {
  imported: number;
  updated: number;
  unchanged: number;
  refused: {
    award: DecpAward;
    reason: string;
  }[];
}
/** Writes one import's awards chunk by chunk, then its buyers' proposed needs. */
export interface DecpImportWriter {
  /**
   * Writes awards of distinct keys in one transaction: organizations by SIRET (created when absent),
   * buyers made members of the territory, contracts created by DECP key or rewritten when a DECP
   * column changed (the previous values kept for undo). When the database refuses the chunk, each
   * award is retried under its own savepoint: only the offending ones are refused.
   */
  writeChunk(awards: readonly DecpAward[]): Promise<DecpChunkOutcome>;
  /** Recomputes the proposed needs of every buyer the chunks touched. */
  refreshNeeds(): Promise<NeedsOutcome>;
}
/** A stored organization as an import sees it. */
export interface StoredParty {
  id: string;
  departementCode: string;
  isMember: boolean;
}
/** How the store would take an award: a new contract, a stored one changed, or one stored as is. */
export type DecpComparison = 'new' | 'updated' | 'unchanged';
/**
 * The one home of DECP storage: writing an import's chunks and proposed needs, and the reads its
 * preview needs. Transactions, savepoint retries and the dialect stay inside.
 */
export declare function createDecpStore(m: MutualisDb): {
  /** Recomputes the DECP-proposed needs of these buyers (see `refreshDecpNeeds`). */
  refreshNeeds: (buyerIds: Iterable<string>, now: string, importId: string | null) => Promise<NeedsOutcome>;
  writer(target: DecpImportTarget): DecpImportWriter;
  /** Stored organizations among these SIRETs, with their département and whether they are members of the territory. */
  findParties(territoryId: string, sirets: readonly string[]): Promise<Map<string, StoredParty>>;
  /** For each award (distinct keys), how `writeChunk` would take it; `buyerIds` gives the stored buyers by SIRET. */
  compare(awards: readonly DecpAward[], buyerIds: ReadonlyMap<string, string>): Promise<DecpComparison[]>;
  /** Which of these `organizationId|familyCode` pairs already have a DECP need. */
  findNeedFamilies(pairs: ReadonlySet<string>): Promise<Set<string>>;
  /** Départements where the territory's members are (the default scope of an import into it). */
  memberDepartements(territoryId: string): Promise<string[]>;
};
export type DecpStore = ReturnType<typeof createDecpStore>;
