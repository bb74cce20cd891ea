import type { Cents, OrganizationKind } from '../domain/types';
import type { UnitCode } from '../units/units';
import type { Poolability } from './assess-poolability';
import type { FamilyRef } from './family-resolver';
import type { Cell } from './resolve-cells';

/** One organization of an opportunity and its needs in the family. */
export interface OpportunityMember {
  organizationId: string;
  siret: string;
  siren: string;
  name: string;
  kind: OrganizationKind;
  annualAmountCents: Cents;
  /** Share of the pooled annual amount, 0..1. */
  share: number;
  /** Quantity in the opportunity's base unit; null when quantities are not comparable. */
  quantity: number | null;
  needIds: string[];
  /** False when at least one of its needs is only proposed (imported, awaiting confirmation). */
  isConfirmed: boolean;
}

/** Needs of distinct buyers sharing a family and a geographic cell. */
export interface Opportunity {
  /** Deterministic: `<family key>@<cell code>`. */
  id: string;
  family: FamilyRef;
  cell: Cell;
  members: OpportunityMember[];
  /** Exact sum of the members' annual amounts (integer cents). */
  annualAmountCents: Cents;
  /** Pooled quantity in a base unit when every need states a comparable quantity. */
  quantity: { value: number; unit: UnitCode } | null;
  /** Number of distinct SIRENs (two establishments of one body count once). */
  buyerCount: number;
  /** Amount per CPV code of the grouped needs, largest first (ties by code). */
  cpvBreakdown: { cpvCode: string; annualAmountCents: Cents }[];
  hasUnconfirmed: boolean;
  /** How poolable its family is and why: decides its rank before the amount does. */
  poolability: Poolability;
  explanation: string;
}
