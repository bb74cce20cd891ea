import type {
  AdmissionDecider,
  Cents,
  IsoDate,
  MandateScope,
  Organization,
  TenderCommission,
  TenderCommissionResult,
} from '@mutualis/core';

/** A member of the groupement as it appears in the convention. */
export interface ConventionParty {
  organization: Pick<Organization, 'id' | 'name' | 'siret' | 'kind' | 'inseeCode'>;
  /** Street address of the seat, e.g. "1 parc de l’Étoile". */
  address: string;
  signatoryName: string;
  /** Capacity of the signatory, e.g. "Maire", "Président du conseil départemental". */
  signatoryTitle: string;
  /** Deliberation of the assembly authorising membership and signature; required for local authorities. */
  deliberation: { body: string; reference: string; date: IsoDate } | null;
  /**
   * The member's maximum over the whole duration (its estimate rounded up, `conventionMaximumOf`):
   * stated in the annex and basis of the cost sharing. Every co-signatory reads it.
   */
  estimatedAmountCents: Cents;
  /** The member's forecast yearly quantities as the annex writes them (« 120 t »); empty when only amounts are known. */
  annualQuantities?: string;
}

export type { TenderCommission } from '@mutualis/core';

/** A member's own start of execution in the pooled contracts (entrée différée when after the start). */
export interface ConventionEntry {
  organizationId: string;
  joinDate: IsoDate;
  isAtStart: boolean;
}

/** Everything the convention constitutive needs. */
export interface ConventionInput {
  name: string;
  /** What is bought together, one sentence. */
  object: string;
  family: { name: string; cpvCodes: readonly string[] };
  parties: readonly ConventionParty[];
  /** Ids of the coordinating members (L2113-7 allows several). */
  coordinatorIds: readonly string[];
  mandateScope: MandateScope;
  /** The CAO chosen; must be one `commission.allowed` (else the groupement's commission is written). */
  tenderCommission: TenderCommission;
  /** CGCT L1414-3 applied to this membership and coordinator (seats, what the convention may choose). */
  commission: TenderCommissionResult;
  /** Each member's start of execution, from the calendar; null when the analysis no longer finds the opportunity. */
  entries: readonly ConventionEntry[] | null;
  isPermanent: boolean;
  /** For a one-off groupement: months until the contracts end; for a permanent one: null (open-ended). */
  durationMonths: number | null;
  /** Months of notice before a withdrawal takes effect (permanent groupements). */
  withdrawalNoticeMonths: number;
  /** Procedure costs (publicity, platform, copies) shared among the members. */
  procedureCostCents: Cents;
  /** Place written on the signature page. */
  signaturePlace: string;
  /** Who receives and decides requests to join (default: the territory's facilitator). */
  admissionsBy?: AdmissionDecider;
}
