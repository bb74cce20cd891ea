import type { PurchaseFamily } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
export type NewPurchaseFamily = Omit<PurchaseFamily, 'id'> & {
  id?: string;
};
export type PurchaseFamilyPatch = Partial<Omit<PurchaseFamily, 'id' | 'territoryId'>>;
export declare function createFamilyRepository(db: Kysely<Database>): {
  getById: (id: string) => Promise<PurchaseFamily | undefined>;
  /**
   * Families usable in a territory: the shipped ones (no territory) plus the territory's own.
   * Without `territoryId`, only the shipped ones. Ordered by name.
   */
  list(filter?: { territoryId?: string }): Promise<PurchaseFamily[]>;
  insert(input: NewPurchaseFamily): Promise<PurchaseFamily>;
  update(id: string, patch: PurchaseFamilyPatch): Promise<PurchaseFamily | undefined>;
  delete(id: string): Promise<boolean>;
};
export type FamilyRepository = ReturnType<typeof createFamilyRepository>;
