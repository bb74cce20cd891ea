import type { Cents, IsoDate, MandateScope, Organization } from '@mutualis/core';
/** A member of the groupement as it appears in the convention. */
export interface ConventionParty {
  organization: Pick<Organization, 'id' | 'name' | 'siret' | 'kind' | 'inseeCode'>;
  /** Street address of the seat, e.g. "1 parc de l’Étoile". */
  address: string;
  signatoryName: string;
  /** Capacity of the signatory, e.g. "Maire", "Président du conseil départemental". */
  signatoryTitle: string;
  /** Deliberation of the assembly authorising membership and signature; required for local authorities. */
  deliberation: {
    body: string;
    reference: string;
    date: IsoDate;
  } | null;
  /** The member's estimated amount over the whole duration, basis of the cost sharing. */
  estimatedAmountCents: Cents;
}
/** Which tendering commission awards the contracts (CGCT L1414-3). */
export type TenderCommission = 'coordinator' | 'groupement';
/** Everything the convention constitutive needs. */
export interface ConventionInput {
  name: string;
  /** What is bought together, one sentence. */
  object: string;
  family: {
    name: string;
    cpvCodes: readonly string[];
  };
  parties: readonly ConventionParty[];
  /** Ids of the coordinating members (L2113-7 allows several). */
  coordinatorIds: readonly string[];
  mandateScope: MandateScope;
  tenderCommission: TenderCommission;
  isPermanent: boolean;
  /** For a one-off groupement: months until the contracts end; for a permanent one: null (open-ended). */
  durationMonths: number | null;
  /** Months of notice before a withdrawal takes effect (permanent groupements). */
  withdrawalNoticeMonths: number;
  /** Procedure costs (publicity, platform, copies) shared among the members. */
  procedureCostCents: Cents;
  /** Place written on the signature page. */
  signaturePlace: string;
}
