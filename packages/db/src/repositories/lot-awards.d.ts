import type { AwardContract, LotAward } from '@mutualis/core/lifecycle';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** A stored lot award: the decision, where its holder is established, and the contracts it gives. */
export interface StoredLotAward extends LotAward {
  id: string;
  groupementId: string;
  procedureNumber: number;
  holderDepartementCode: string | null;
  holderIsSme: boolean;
  contracts: AwardContract[];
}
export type NewLotAward = Omit<StoredLotAward, 'id'>;
/** Lot awards: insert and list (an award is a decision; a correction is a new procedure). */
export declare function createLotAwardRepository(db: Kysely<Database>): {
  insert(award: NewLotAward): Promise<StoredLotAward>;
  /** Awards of the given groupements (all procedures), by groupement, procedure and lot key. */
  listByGroupements(groupementIds: readonly string[]): Promise<StoredLotAward[]>;
};
export type LotAwardRepository = ReturnType<typeof createLotAwardRepository>;
