import {
  buildSourcingIndex,
  type IsoDate,
  MIN_PRODUCER_COVERAGE,
  type Need,
  rankLocalSourcing,
  type SourcingFirm,
  type SourcingNeed,
  type SourcingResult,
  toBaseQuantity,
} from '@mutualis/core';
import type { LocalContext } from './load-local-context';
import { type OpportunityDemand, deliveryCommunesOf } from './load-opportunity-demand';
import { POSITION_NOTE_FR, positionsOfCommunes } from './positions';

export { MIN_PRODUCER_COVERAGE };

/** A sourcing result with the note on approximate positions. */
export interface LocalSourcing extends Omit<SourcingResult, 'need'> {
  need: Omit<SourcingNeed, 'deliveryCommunes'> & { deliveryCommunes: string[] };
  positionNote: string;
}

/** The firms of the context as sourcing reads them. */
export function toSourcingFirms(context: LocalContext): SourcingFirm[] {
  return context.firms.map(({ organization, profile, position, positionBasis }) => ({
    id: organization.id,
    name: organization.name,
    profile,
    position,
    positionBasis,
  }));
}

/** Runs the reverse supply-chain search for a sourcing need over the territory's firms. */
export function sourceLocally(context: LocalContext, need: SourcingNeed, dates?: { targetDate: IsoDate; now: IsoDate }): LocalSourcing {
  const firms = toSourcingFirms(context);
  const result = rankLocalSourcing({
    need,
    firms,
    index: buildSourcingIndex(firms),
    positions: positionsOfCommunes(need.deliveryCommunes),
    recipes: context.recipes,
    competences: context.competences,
    minProducerCoverage: MIN_PRODUCER_COVERAGE,
    ...dates,
  });
  return { ...result, need: { ...need, deliveryCommunes: [...need.deliveryCommunes] }, positionNote: POSITION_NOTE_FR };
}

/** The sourcing need of one census need: its quantity in the base unit (0 when not comparable). */
export function sourcingNeedOfNeed(need: Need, homeCommune: string | undefined): SourcingNeed {
  const base = need.quantity !== null && need.unit !== null ? toBaseQuantity(need.quantity, need.unit, need.unitsPerPack) : null;
  const communes = need.deliveryCommunes.length > 0 ? need.deliveryCommunes : homeCommune ? [homeCommune] : [];
  return {
    productCpvCode: need.cpvCode,
    label: need.label,
    quantity: base?.ok ? base.quantity : 0,
    unit: base?.ok ? base.unit : (need.unit ?? 'unit'),
    deliveryCommunes: communes,
  };
}

/** The pooled sourcing need of an opportunity: its main CPV code, pooled quantity and every delivery commune. */
export function sourcingNeedOfOpportunity({ opportunity, needs, organizations }: OpportunityDemand): SourcingNeed {
  const communes = new Set(needs.flatMap((n) => deliveryCommunesOf(n, organizations)));
  return {
    productCpvCode: mainCpvCode(needs) ?? opportunity.family.cpvCodes[0] ?? '',
    label: opportunity.family.label,
    quantity: opportunity.quantity?.value ?? 0,
    unit: opportunity.quantity?.unit ?? 'unit',
    deliveryCommunes: [...communes].sort(),
  };
}

/** The CPV code carrying the largest annual amount among the needs (ties: the smaller code). */
export function mainCpvCode(needs: readonly Need[]): string | undefined {
  const amounts = new Map<string, number>();
  for (const n of needs) amounts.set(n.cpvCode, (amounts.get(n.cpvCode) ?? 0) + n.annualAmountCents);
  return [...amounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
