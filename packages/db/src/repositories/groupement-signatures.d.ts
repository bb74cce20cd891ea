import type { SignatureRecord } from '@mutualis/core/lifecycle';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** Signatures of the convention and deliberations, one row per member of a groupement. */
export declare function createGroupementSignatureRepository(db: Kysely<Database>): {
  list(groupementId: string): Promise<SignatureRecord[]>;
  /** Stores the member's record as a whole (the core merged it with the previous one). */
  upsert(groupementId: string, record: SignatureRecord): Promise<void>;
};
export type GroupementSignatureRepository = ReturnType<typeof createGroupementSignatureRepository>;
