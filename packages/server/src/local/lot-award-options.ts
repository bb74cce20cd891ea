import type { IsoDate, LotAwardOptions, PastFamilyContract } from '@mutualis/core';
import type { OpportunityDemand } from './load-opportunity-demand';

/** Environmental focus of the criterion and the execution condition: delivery and packaging, which every supply lot has. */
const ENVIRONMENTAL_FOCUS = 'émissions de la livraison et emballages (réemploi, matière recyclée)';

/**
 * The inputs of the lots' criteria, capacity and security from the opportunity as analysed: the launch
 * planned (the facilitator's, else the calendar's start), its procedure, the value over the contract's
 * duration per annual euro, and the members' running contracts of the family as past holders.
 */
export function lotAwardOptions(
  demand: OpportunityDemand,
  { launchDate, securityWeight }: { launchDate: IsoDate; securityWeight: number },
): LotAwardOptions {
  const { opportunity, contracts } = demand;
  const pastContracts: PastFamilyContract[] = contracts
    .filter((c) => c.amountCents !== null && (c.holderSiret !== null || c.holderName !== null))
    .map((c) => ({
      holderKey: c.holderSiret?.slice(0, 9) ?? c.holderName ?? '',
      holderName: c.holderName ?? c.holderSiret ?? '',
      amountCents: c.amountCents ?? 0,
      // DECP `offresRecues` (2024 format); null for 2019 records and manual contracts: unknown, said as such.
      offersReceived: c.offersReceived ?? null,
    }));
  return {
    launchDate,
    isFormalised: opportunity.procedure.kind === 'formalised',
    securityWeight,
    valuePerAnnualAmount: opportunity.annualAmountCents > 0 ? opportunity.estimatedValueCents / opportunity.annualAmountCents : 1,
    environmentalFocus: ENVIRONMENTAL_FOCUS,
    pastContracts,
  };
}

/**
 * The launch date the rules are read at: the earliest planned consultation of the opportunity, else
 * the analysis date (a consultation not yet planned launches at the earliest today).
 */
export function launchDateOf(
  demand: OpportunityDemand,
  consultations: readonly { opportunityId: string; launchDate: string }[],
  opportunityId: string,
  at: IsoDate,
): IsoDate {
  const planned = consultations
    .filter((c) => c.opportunityId === opportunityId)
    .map((c) => c.launchDate)
    .sort()[0];
  return planned ?? (demand.opportunity.startDate < at ? demand.opportunity.startDate : at);
}
