import type { Cents, IsoDate } from '../domain/types';
import type { Poolability } from '../pooling/assess-poolability';

/** A public buyer as the open data places it. */
export interface ObservatoryBuyer {
  siret: string;
  name: string;
  /** '' when the DECP did not locate it (then it is in no département's list). */
  departementCode: string;
}

/**
 * What the observatory reads of one published contract (a DECP award, as amended) whose amount may
 * be counted: the caller leaves out placeholder and aberrant amounts until confirmed
 * (`isDecpAmountEstimable`), and gives no start for an undated record (`isDecpContractDated`).
 */
export interface ObservatoryContract {
  decpId: string;
  cpvCode: string;
  /** Montant HT; for an accord-cadre its maximum. Null when unpublished: the contract then counts for nothing. */
  amountCents: Cents | null;
  /** Duration in months, renewals included. */
  durationMonths: number;
  /** Notification (else publication) date; null for an undated record: it then renews nothing and is renewed by nothing. */
  startDate: IsoDate | null;
}

/** Every counted published contract of one buyer: the unit the observatory is built and updated by. */
export interface BuyerContracts {
  buyer: ObservatoryBuyer;
  contracts: readonly ObservatoryContract[];
  /**
   * In a delta only: `contracts` are the buyer's counted contracts of these CPV divisions (two
   * digits) alone, and only its needs there are replaced. A purchase never spans two divisions
   * (`proposeDecpNeeds` links codes through a covering code of at least a group), so its needs
   * elsewhere stay as they were.
   */
  divisions?: readonly string[];
}

/**
 * A buyer's annualised need in one purchase family (CPV class), as `proposeDecpNeeds` proposes it:
 * one year's amount of the current (or latest) contract of each chain of successive contracts;
 * the member of its cell's opportunity when the cell has one.
 */
export interface ObservatoryMember {
  siret: string;
  /** The SIRET's legal unit: an opportunity needs two. */
  siren: string;
  name: string;
  annualAmountCents: Cents;
  /** Published contracts behind the need: the counted ones and the earlier ones they renew. */
  contractCount: number;
}

/** Buyers of one département publishing contracts of one CPV class: at least two distinct SIRENs. */
export interface ObservatoryOpportunity {
  /** `<class code>@<département code>`. */
  id: string;
  departementCode: string;
  family: { code: string; label: string };
  /** Largest amount first (ties by SIRET); shared with the observatory's cell: never mutated. */
  members: readonly ObservatoryMember[];
  annualAmountCents: Cents;
  /** Distinct SIRENs. */
  buyerCount: number;
  contractCount: number;
  poolability: Poolability;
}

/**
 * The opportunities found in open data alone, for every département, kept so that a delta
 * (the buyers whose contracts changed) updates only the départements and families it touches.
 * Never mutated: `applyObservatoryDelta` returns a new value sharing what did not change.
 */
export interface Observatory {
  /** SIRET → the buyer, its SIREN and its need per family. */
  buyers: ReadonlyMap<string, { buyer: ObservatoryBuyer; siren: string; needs: ReadonlyMap<string, ObservatoryMember> }>;
  /** `<département>|<class code>` → the buyers' needs, largest first (ties by SIRET): the opportunity's members when it has one. */
  cells: ReadonlyMap<string, readonly ObservatoryMember[]>;
  /** `<département>|<class code>` → its opportunity (cells with fewer than two SIRENs have none). */
  opportunities: ReadonlyMap<string, ObservatoryOpportunity>;
  /** Département → its opportunities, ranked (rarely pooled ones included, last). */
  ranked: ReadonlyMap<string, readonly ObservatoryOpportunity[]>;
  contractCount: number;
}
