import type { ConsumptionLine } from '@mutualis/core/lifecycle';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** What a member consumed on a lot of one procedure over a month. */
export interface ConsumptionEntry extends ConsumptionLine {
  groupementId: string;
  procedureNumber: number;
  source: 'manual' | 'import';
}
/**
 * Consumption per (groupement, procedure, lot, member, month). Writing a month again replaces its
 * figures, so re-importing the same file changes nothing; a batch is written all or nothing.
 */
export declare function createConsumptionRepository(db: Kysely<Database>): {
  upsertMany(entries: readonly ConsumptionEntry[]): Promise<void>;
  /** Entries of the given groupements, by groupement, procedure, lot, member and month. */
  listByGroupements(groupementIds: readonly string[]): Promise<ConsumptionEntry[]>;
};
export type ConsumptionRepository = ReturnType<typeof createConsumptionRepository>;
