import type { Cents } from '../domain/types';
import type { AwardRuleVersion } from './award-rules';

/** The capacity requirement of a lot: the turnover cap of R2142-7 and what to require so local SMEs stay in. */
export interface TurnoverRequirement {
  /** R2142-7 cap: factor × the lot's estimated value. */
  capCents: Cents;
  factor: number;
  /** What Mutualis proposes to require (never above the cap); null: no minimum turnover. */
  proposedCents: Cents | null;
  explanation: string;
}

export interface CapTurnoverRequirementOptions {
  rules: AwardRuleVersion;
  /** The lot's estimated value over the contract's whole duration (R2121-1). */
  estimatedValueCents: Cents;
  /** Eligible local firms of the lot, and how many are SMEs. */
  eligibleCount: number;
  smeCount: number;
}

/**
 * Per lot (R2142-8), the highest minimum turnover R2142-7 allows. A minimum turnover is a possibility
 * (R2142-6), never an obligation: where local SMEs can answer the lot, Mutualis proposes none, since
 * their turnover is unknown to it and a threshold could exclude them; otherwise a requirement of half the cap.
 */
export function capTurnoverRequirement(options: CapTurnoverRequirementOptions): TurnoverRequirement {
  const { rules, estimatedValueCents, eligibleCount, smeCount } = options;
  const factor = rules.turnoverCapFactor;
  const capCents = Math.round(estimatedValueCents * factor);
  const cap = `plafond R2142-7 : ${formatFactor(factor)} × ${formatEuros(estimatedValueCents)} = ${formatEuros(capCents)} (R2142-8 : apprécié lot par lot)`;
  if (smeCount > 0)
    return {
      capCents,
      factor,
      proposedCents: null,
      explanation: `Aucun chiffre d’affaires minimal proposé : ${smeCount} PME locale${smeCount > 1 ? 's' : ''} sur ${eligibleCount} éligible${eligibleCount > 1 ? 's' : ''} pourrai${smeCount > 1 ? 'ent' : 't'} être écartée${smeCount > 1 ? 's' : ''} par un seuil ; capacités appréciées sur références et moyens (R2142-6 le permet sans l’imposer) ; ${cap}.`,
    };
  const proposedCents = Math.round(capCents / 2);
  return {
    capCents,
    factor,
    proposedCents,
    explanation: `Chiffre d’affaires minimal proposé : ${formatEuros(proposedCents)}, la moitié du ${cap}.`,
  };
}

function formatFactor(factor: number): string {
  return factor === 1.5 ? 'une fois et demie' : factor === 2 ? 'deux fois' : `${factor.toLocaleString('fr-FR')} fois`;
}

function formatEuros(cents: Cents): string {
  return `${Math.round(cents / 100)
    .toLocaleString('fr-FR')
    .replace(/\u202f/g, '\u00a0')}\u00a0€`;
}
