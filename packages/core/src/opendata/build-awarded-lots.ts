import { computeSavingsPipeline, type MemberBaseline } from '../lifecycle/compute-savings-pipeline';
import type { LotAward } from '../lifecycle/record-award';
import type { AwardedLot } from './open-data-input';

export interface BuildAwardedLotsOptions {
  awards: readonly LotAward[];
  /** Members' situation frozen at launch (quantities and amounts before pooling). */
  baselines: readonly MemberBaseline[];
  /** CPV code published for the lots: the family's main code. */
  cpvCode: string;
  isFrameworkAgreement: boolean;
}

/**
 * The awarded lots as open data publishes them: each member's share is its committed spend a year
 * (awarded price × forecast, as the savings pipeline computes it; its amount before pooling when no
 * quantity allows it) over the lot's duration, and the lot's value their sum.
 */
export function buildAwardedLots({ awards, baselines, cpvCode, isFrameworkAgreement }: BuildAwardedLotsOptions): AwardedLot[] {
  const { lines } = computeSavingsPipeline({ baselines, awards, consumption: [] });
  return awards.map((award): AwardedLot => {
    const memberShares = award.coverage.map(({ organizationId }) => {
      const line = lines.find((l) => l.lotKey === award.lotKey && l.organizationId === organizationId);
      const yearly = line?.committedSpendCents ?? baselines.find((b) => b.organizationId === organizationId)?.annualAmountCents ?? 0;
      return { organizationId, valueCents: Math.round((yearly * award.durationMonths) / 12) };
    });
    return {
      id: award.lotKey,
      title: award.lotLabel,
      cpvCode,
      supplier: { siret: award.holderSiret, name: award.holderName },
      valueCents: memberShares.reduce((sum, s) => sum + s.valueCents, 0),
      awardDate: award.awardedOn,
      notificationDate: award.essentialData?.notifiedOn ?? award.startOn,
      durationMonths: award.durationMonths,
      isFrameworkAgreement,
      memberShares,
      priceKind: award.price.kind,
      essentialData: award.essentialData ?? null,
    };
  });
}
