import type { UnitCode } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** A firm's interest in one lot of a planned consultation, with the capacity it declares. */
export interface InterestDeclaration {
  consultationId: string;
  lotId: string;
  organizationId: string;
  capacity: number;
  unit: UnitCode;
  comment: string;
  updatedAt: string;
}
export type NewInterestDeclaration = Omit<InterestDeclaration, 'updatedAt'>;
export declare function createInterestDeclarationRepository(db: Kysely<Database>): {
  /** Declarations of a consultation (optionally of one firm), by lot then firm. */
  listForConsultation(consultationId: string, organizationId?: string): Promise<InterestDeclaration[]>;
  /** Declarations on every consultation of the given opportunity in a territory. */
  listForOpportunity(territoryId: string, opportunityId: string): Promise<InterestDeclaration[]>;
  /** Stores the declaration, replacing the firm's previous one on the same lot. */
  upsert(input: NewInterestDeclaration): Promise<InterestDeclaration>;
};
export type InterestDeclarationRepository = ReturnType<typeof createInterestDeclarationRepository>;
