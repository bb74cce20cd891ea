import type { Cents } from '../domain/types';
import { type AwardRuleVersion, awardText } from './award-rules';

export type AwardCriterionKind = 'price' | 'technical' | 'environmental' | 'social' | 'supply_security';

/** One weighted award criterion of a lot. */
export interface AwardCriterion {
  kind: AwardCriterionKind;
  labelFr: string;
  /** Weight in percent; the criteria of a lot sum to 100. */
  weight: number;
  /** Why it is there (an obligation, or the facilitator's choice) and its article. */
  basis: string;
}

/** An execution condition the CCAP must carry. */
export interface ExecutionCondition {
  kind: 'environmental' | 'social';
  labelFr: string;
  isRequired: boolean;
  basis: string;
}

export interface ProposeAwardCriteriaOptions {
  rules: AwardRuleVersion;
  /** The contract's value reaches the EU formalised threshold. */
  isFormalised: boolean;
  /** Weight the facilitator gives to supply security, in percent (0 to 20), taken from price. */
  securityWeight: number;
  /** The lot's annual amount today, for the cost of weighing security over price. */
  amountCents: Cents;
  /** What the environmental criterion and condition measure for this family (delivery distance, packaging…). */
  environmentalFocus: string;
}

export interface AwardCriteriaResult {
  criteria: AwardCriterion[];
  conditions: ExecutionCondition[];
  /** What the security weight may cost: the largest price premium an offer can carry and still win on security alone. */
  securityCost: { premiumShare: number; maxCents: Cents; explanation: string };
  obligations: string[];
}

const BASE_PRICE = 60;
const TECHNICAL = 25;
const ENVIRONMENTAL = 15;

/**
 * Weighted criteria for a lot: price, technical value and an environmental criterion (required from
 * 21 August 2026, L2152-7), supply security (R2152-7 2°) weighed by the facilitator out of price,
 * and the execution conditions the rules in force require (L2112-2; social ones at the EU thresholds).
 */
export function proposeAwardCriteria(options: ProposeAwardCriteriaOptions): AwardCriteriaResult {
  const { rules, isFormalised, amountCents, environmentalFocus } = options;
  const security = Math.max(0, Math.min(20, Math.round(options.securityWeight)));
  const climate = awardText(rules, 'L2152-7');
  const criteria: AwardCriterion[] = [
    { kind: 'price', labelFr: 'Prix', weight: BASE_PRICE - security, basis: 'L2152-7 : offre économiquement la plus avantageuse' },
    { kind: 'technical', labelFr: 'Valeur technique', weight: TECHNICAL, basis: 'R2152-7 : qualité, caractéristiques fonctionnelles' },
    {
      kind: 'environmental',
      labelFr: `Performance environnementale (${environmentalFocus})`,
      weight: ENVIRONMENTAL,
      basis: rules.environmentalCriterionRequired
        ? `Obligatoire : ${climate?.article ?? 'L2152-7'} — ${climate?.source ?? ''}`
        : 'Facultatif avant le 21 août 2026 (L2152-7), retenu par anticipation',
    },
  ];
  if (security > 0)
    criteria.push({
      kind: 'supply_security',
      labelFr: 'Sécurité d’approvisionnement (stocks, délais de réapprovisionnement, sources d’intrants)',
      weight: security,
      basis: 'R2152-7 2° : « la sécurité des approvisionnements » ; poids choisi par le facilitateur, pris sur le prix',
    });
  const conditions: ExecutionCondition[] = [
    {
      kind: 'environmental',
      labelFr: `Condition d’exécution environnementale : ${environmentalFocus}`,
      isRequired: rules.environmentalConditionRequired,
      basis: rules.environmentalConditionRequired ? 'Obligatoire (L2112-2, loi Climat et résilience art. 35)' : 'Facultative (L2112-2)',
    },
  ];
  const socialRequired = rules.socialConditionAboveEuThresholds && isFormalised;
  conditions.push({
    kind: 'social',
    labelFr: 'Condition d’exécution sociale : heures d’insertion ou recours à une structure d’insertion pour une part des prestations',
    isRequired: socialRequired,
    basis: socialRequired
      ? 'Obligatoire au-dessus des seuils européens (L2112-2-1, loi Climat et résilience art. 35), sauf exceptions du texte'
      : 'Facultative : sous les seuils européens ou avant l’entrée en vigueur (L2112-2)',
  });
  const obligations = [
    rules.environmentalCriterionRequired ? 'un critère environnemental (L2152-7)' : null,
    rules.environmentalConditionRequired ? 'une condition d’exécution environnementale (L2112-2)' : null,
    socialRequired ? 'une condition d’exécution sociale (L2112-2-1)' : null,
  ].filter((o): o is string => o !== null);
  return { criteria, conditions, securityCost: securityCostOf(BASE_PRICE - security, security, amountCents), obligations };
}

/**
 * With price weighted p and security s (price score = best price / price), an offer with full marks
 * on security beats one with none while it costs at most s / (p − s) more: p / (1 + x) + s ≥ p.
 */
export function securityCostOf(priceWeight: number, securityWeight: number, amountCents: Cents): AwardCriteriaResult['securityCost'] {
  if (securityWeight <= 0)
    return {
      premiumShare: 0,
      maxCents: 0,
      explanation: 'Aucun poids sur la sécurité d’approvisionnement : le prix décide seul à valeur technique égale.',
    };
  const premiumShare = securityWeight / (priceWeight - securityWeight);
  const maxCents = Math.round(amountCents * premiumShare);
  const pct = (premiumShare * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return {
    premiumShare,
    maxCents,
    explanation:
      `Avec ${securityWeight} % sur la sécurité et ${priceWeight} % sur le prix, une offre notée au maximum sur la sécurité l’emporte sur une offre notée zéro tant qu’elle ne coûte pas plus de ${pct} % de plus ` +
      `(${securityWeight} / (${priceWeight} − ${securityWeight})) : au plus ${formatEuros(maxCents)} par an sur ce lot, à valeur technique et environnementale égales.`,
  };
}

function formatEuros(cents: Cents): string {
  return `${Math.round(cents / 100)
    .toLocaleString('fr-FR')
    .replace(/\u202f/g, '\u00a0')}\u00a0€`;
}
