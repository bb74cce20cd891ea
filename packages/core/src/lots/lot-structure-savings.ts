import type { Cents } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';
import type { SavingsResult } from '../savings/estimate-savings';
import { formatSavingsShareFr } from '../savings/explain-savings';

/** What the lot designer needs of the opportunity's estimate. */
export type OpportunitySavings = Pick<
  SavingsResult,
  'price' | 'priceHarmonisation' | 'volumeEffect' | 'procedural' | 'total' | 'provenance'
>;

export interface LotStructureSavings {
  /** Central yearly savings with this structure: the opportunity's figure, less what the lots lose. */
  centralCents: Cents;
  /** centralCents − the opportunity's central total (≤ 0: splitting never adds savings). */
  lotEffectCents: Cents;
  explanation: string;
}

/**
 * One opportunity, one savings figure: a structure in lots keeps the opportunity's estimate except
 * its volume effect, which falls to the share `volumeShare` the lot model gives it (Σ over lots of
 * each lot's volume effect ÷ the single lot's; null when no volume is known). Price harmonisation
 * and avoided procedures are those of the one procedure; the price part stays within the published
 * range (min with the opportunity's calibrated figure), so a split can lower the figure, never raise it.
 */
export function lotStructureSavings(savings: OpportunitySavings, volumeShare: number | null): LotStructureSavings {
  const opportunity = savings.total.central;
  if (savings.provenance.kind === 'supply_security') {
    return {
      centralCents: opportunity,
      lotEffectCents: 0,
      explanation: `Famille sans effet prix publié (${savings.provenance.segment}) : le découpage ne change pas l’estimation de l’opportunité, ${formatEuros(opportunity)} par an.`,
    };
  }
  if (volumeShare === null) {
    return {
      centralCents: opportunity,
      lotEffectCents: 0,
      explanation: `Quantités inconnues : l’effet du découpage sur l’effet volume n’est pas estimé ; l’estimation de l’opportunité est reprise, ${formatEuros(opportunity)} par an.`,
    };
  }
  const share = Math.min(1, Math.max(0, volumeShare));
  const harmonisation = savings.priceHarmonisation.central;
  const volume = savings.volumeEffect.central;
  const price = Math.min(savings.price.central, Math.round(harmonisation + volume * share));
  const centralCents = price + savings.procedural;
  const lotEffectCents = centralCents - opportunity;
  if (share >= 1) {
    return { centralCents, lotEffectCents, explanation: `Lot unique : l’estimation de l’opportunité, ${formatEuros(opportunity)} par an.` };
  }
  if (lotEffectCents === 0) {
    return {
      centralCents,
      lotEffectCents,
      explanation: `Ces lots ne gardent que ${formatSavingsShareFr(share)} de l’effet volume d’un lot unique, mais l’économie de prix reste au plafond publié : ${formatEuros(centralCents)} par an, comme l’opportunité.`,
    };
  }
  return {
    centralCents,
    lotEffectCents,
    explanation: `${formatEuros(lotEffectCents)} par an par rapport à l’opportunité (${formatEuros(opportunity)}) : chaque lot ne mutualise qu’une partie du volume, l’effet volume tombe à ${formatSavingsShareFr(share)} de celui d’un lot unique (modèle prix-volume) ; l’harmonisation des prix et les procédures évitées restent celles de la procédure unique.`,
  };
}
