import type { Cents } from '../domain/types';
import { formatCount, formatPercent } from './format-count';
import { findPoolingEvidence, POOLING_EVIDENCE_SOURCE, POOLING_RATE_BY_NATURE, type PoolingEvidence } from './pooling-evidence';
import { classifyPurchaseNature, PURCHASE_NATURE_LABELS, PURCHASE_NATURES, type PurchaseNature } from './purchase-nature';

/**
 * How poolable an opportunity is, best first: families real buyers already pool (`proven`), other
 * recurring supplies and services (`recurring`), equipment bought now and then (`occasional`),
 * site-specific works and one-off intellectual services (`rare`, hidden by default).
 */
export const POOLABILITY_TIERS = ['proven', 'recurring', 'occasional', 'rare'] as const;
export type PoolabilityTier = (typeof POOLABILITY_TIERS)[number];

export const POOLABILITY_TIER_LABELS: Record<PoolabilityTier, string> = {
  proven: 'Déjà mutualisé ailleurs',
  recurring: 'Achat récurrent',
  occasional: 'Achat ponctuel',
  rare: 'Rarement mutualisé',
};

/** Why an opportunity ranks where it does. */
export interface Poolability {
  tier: PoolabilityTier;
  /** French name of the tier (POOLABILITY_TIER_LABELS). */
  label: string;
  /** The nature of most of its amount. */
  nature: PurchaseNature;
  /** Rarely pooled: hidden from the opportunity lists unless asked for. */
  isRare: boolean;
  evidence: PoolingEvidence;
  /** French explanation of its group and of the evidence behind it. */
  reason: string;
}

export interface AssessPoolabilityOptions {
  /** Amount per CPV code of the grouped needs. */
  cpvBreakdown: readonly { cpvCode: string; annualAmountCents: Cents }[];
  /** The family's own codes, read when the needs have no amount. */
  familyCpvCodes: readonly string[];
}

/** An `assessPoolability` that remembers its answers (opportunities of one family share them). */
export function createPoolabilityAssessor(): (options: AssessPoolabilityOptions) => Poolability {
  const natureOf = new Map<string, PurchaseNature>();
  const byKey = new Map<string, Poolability>();
  const nature = (code: string): PurchaseNature => {
    let found = natureOf.get(code);
    if (found === undefined) {
      found = classifyPurchaseNature(code);
      natureOf.set(code, found);
    }
    return found;
  };
  return ({ cpvBreakdown, familyCpvCodes }) => {
    const codes = cpvBreakdown.length > 0 ? cpvBreakdown.map((c) => c.cpvCode) : familyCpvCodes;
    const dominant = dominantNature(
      cpvBreakdown.length > 0 ? cpvBreakdown : familyCpvCodes.map((cpvCode) => ({ cpvCode, annualAmountCents: 1 })),
      nature,
    );
    const classes = [...new Set(codes.map((c) => c.slice(0, 4)))].sort().join(',');
    const key = `${dominant}|${classes}`;
    let result = byKey.get(key);
    if (result === undefined) {
      result = assess(dominant, findPoolingEvidence(codes));
      byKey.set(key, result);
    }
    return result;
  };
}

/** The poolability of one opportunity's needs (see `createPoolabilityAssessor` for many). */
export function assessPoolability(options: AssessPoolabilityOptions): Poolability {
  return createPoolabilityAssessor()(options);
}

/** The nature holding the largest amount (ties: the first of PURCHASE_NATURES). */
function dominantNature(
  breakdown: readonly { cpvCode: string; annualAmountCents: Cents }[],
  natureOf: (code: string) => PurchaseNature,
): PurchaseNature {
  const totals = new Map<PurchaseNature, number>();
  for (const { cpvCode, annualAmountCents } of breakdown) {
    const n = natureOf(cpvCode);
    totals.set(n, (totals.get(n) ?? 0) + Math.max(annualAmountCents, 0));
  }
  let best: PurchaseNature = natureOf(breakdown[0]?.cpvCode ?? '');
  for (const n of PURCHASE_NATURES) if ((totals.get(n) ?? -1) > (totals.get(best) ?? -1)) best = n;
  return best;
}

function assess(nature: PurchaseNature, evidence: PoolingEvidence): Poolability {
  const isRare = nature === 'works' || nature === 'intellectual';
  const tier: PoolabilityTier = isRare
    ? 'rare'
    : evidence.groupementProcedures > 0
      ? 'proven'
      : nature === 'equipment'
        ? 'occasional'
        : 'recurring';
  return { tier, label: POOLABILITY_TIER_LABELS[tier], nature, isRare, evidence, reason: explainPoolability(tier, nature, evidence) };
}

const RANK_WORDS: Record<PoolabilityTier, string> = {
  proven: 'Classée en tête : famille que d’autres acheteurs publics mutualisent déjà.',
  recurring:
    'Classée après les familles déjà mutualisées ailleurs : achat récurrent, racheté chaque année, qui se prête à un accord-cadre commun.',
  occasional:
    'Classée après les achats récurrents : équipement renouvelé à intervalles irréguliers, à mutualiser quand les renouvellements des membres coïncident.',
  rare: 'Rarement mutualisé, masqué par défaut :',
};

const RARE_WORDS: Partial<Record<PurchaseNature, string>> = {
  works: 'travaux liés à un site (chaque chantier a son lieu, son calendrier et sa maîtrise d’œuvre).',
  intellectual: 'prestation intellectuelle propre à un projet (conception, études, conseil).',
};

function explainPoolability(tier: PoolabilityTier, nature: PurchaseNature, evidence: PoolingEvidence): string {
  const classes = evidence.classCodes.map((c) => c.slice(0, 4)).join(', ');
  const parts = [tier === 'rare' ? `${RANK_WORDS.rare} ${RARE_WORDS[nature] ?? ''}` : RANK_WORDS[tier]];
  if (evidence.groupementProcedures > 0) {
    const example = evidence.examples[0] === undefined ? '' : ` (ex. « ${evidence.examples[0]} »)`;
    parts.push(
      `${tier === 'rare' ? 'Exception relevée' : 'Preuve'} dans les ${POOLING_EVIDENCE_SOURCE.label} : ${plural(evidence.groupementProcedures, 'procédure passée', 'procédures passées')} en groupement de commandes par ${plural(evidence.groupementBuyers, 'acheteur', 'acheteurs')}, sur ${plural(evidence.contracts, 'marché', 'marchés')} de la classe CPV ${classes}${example}.`,
    );
  } else if (evidence.contracts > 0) {
    parts.push(
      `Aucun groupement de commandes relevé pour la classe CPV ${classes} dans les ${POOLING_EVIDENCE_SOURCE.label} (${plural(evidence.contracts, 'marché', 'marchés')}).`,
    );
  }
  const rate = POOLING_RATE_BY_NATURE[nature];
  if (rate.contracts > 0)
    parts.push(
      `Dans ces données, ${formatPercent(rate.groupementContracts / rate.contracts)} des marchés de ${PURCHASE_NATURE_LABELS[nature]} sont passés en groupement de commandes (${rate.groupementContracts} sur ${formatCount(rate.contracts)}).`,
    );
  parts.push(tier === 'rare' ? 'Affichée sur demande, après toutes les autres.' : 'Dans son groupe, classée par montant annuel mutualisé.');
  return parts.join(' ');
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
