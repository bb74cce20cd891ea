import type { Cents } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';
import { type Elasticity, MAX_ELASTICITY } from './default-elasticities';
import { weightedQuantile } from './weighted-quantile';

/** A member as the savings model sees it; `quantity` is in the family's base unit, null when unknown. */
export interface SavingsMember {
  organizationId: string;
  siren: string;
  annualAmountCents: Cents;
  quantity: number | null;
}

export interface EstimateSavingsOptions {
  members: readonly SavingsMember[];
  elasticity: Elasticity;
  /** Cost of running one procedure, avoided by every buyer but the coordinator. */
  procedureCostCents: Cents;
  /** Yearly cost of coordinating the groupement, borne by the coordinator. */
  coordinationCostCents: Cents;
  /** When null, the member with the largest amount is assumed to coordinate. */
  coordinatorId: string | null;
}

/** Low, central and high estimates in integer cents per year; low ≤ central ≤ high. */
export interface SavingsRange {
  low: Cents;
  central: Cents;
  high: Cents;
}

export interface MemberSavings {
  organizationId: string;
  /** Harmonisation + volume effect on the member's purchases. */
  purchase: SavingsRange;
  /** Avoided procedure cost, minus the coordination cost for the coordinator. */
  procedural: Cents;
  total: SavingsRange;
}

export interface SavingsResult {
  /** `amounts` when some quantity is unknown: only a volume effect on amounts, with a wide range. */
  basis: 'quantities' | 'amounts';
  members: MemberSavings[];
  priceHarmonisation: SavingsRange;
  volumeEffect: SavingsRange;
  procedural: Cents;
  total: SavingsRange;
  elasticity: Elasticity;
  coordinatorId: string;
  caveat: string;
  explanation: string;
}

type Scenario = 'low' | 'central' | 'high';

/** French warning shown with every savings estimate. */
export const SAVINGS_CAVEAT =
  'Estimation indicative, jamais garantie : le prix obtenu dépend de la concurrence, des cours des matières premières et des offres reçues ; la fourchette repose sur des élasticités publiées et des hypothèses modifiables.';

const range = (f: (s: Scenario) => number): SavingsRange => ({ low: f('low'), central: f('central'), high: f('high') });
const clampB = (b: number) => Math.min(MAX_ELASTICITY, Math.max(0, b));

/**
 * Per member m with price p_m = a_m / q_m: harmonised price h_m = p_m (low, no harmonisation),
 * min(p_m, volume-weighted 25th percentile) (central), min price (high); volume effect factor
 * (Q / q_ref)^(−b) with q_ref = Σ q² / Q the volume-weighted typical member volume, so a member
 * already at the best price gains only the volume effect. Without quantities: a_m × (1 − (A / a_ref)^(−b)), low b = 0.
 */
function purchaseSavings(members: readonly SavingsMember[], elasticity: Elasticity) {
  const hasQuantities = members.every((m) => m.quantity !== null && m.quantity > 0);
  const volumes = members.map((m) => (hasQuantities ? (m.quantity as number) : m.annualAmountCents));
  const total = volumes.reduce((s, v) => s + v, 0);
  const reference = total > 0 ? volumes.reduce((s, v) => s + v * v, 0) / total : 1;
  const ratio = total > 0 ? total / reference : 1;
  const b: Record<Scenario, number> = hasQuantities
    ? { low: clampB(elasticity.low), central: clampB(elasticity.central), high: clampB(elasticity.high) }
    : { low: 0, central: clampB(elasticity.central), high: clampB(elasticity.high) };
  const prices = members.map((m, i) => (hasQuantities ? m.annualAmountCents / (volumes[i] as number) : 1));
  const p25 = hasQuantities ? weightedQuantile(prices, volumes, 0.25) : 1;
  const pMin = Math.min(...prices);
  const harmonised = (p: number, s: Scenario) => (!hasQuantities || s === 'low' ? p : Math.min(p, s === 'central' ? p25 : pMin));
  const perMember = members.map((m, i) => {
    const q = volumes[i] as number;
    const p = prices[i] as number;
    const harmonisation = range((s) => Math.round(q * (p - harmonised(p, s))));
    const purchase = range((s) => Math.round(q * (p - harmonised(p, s) * ratio ** -b[s])));
    return { organizationId: m.organizationId, harmonisation, purchase };
  });
  return { basis: hasQuantities ? ('quantities' as const) : ('amounts' as const), perMember, ratio, p25, pMin };
}

/** Estimates yearly savings of pooling (harmonisation, volume effect, avoided procedures), per member and in total. */
export function estimateSavings({
  members,
  elasticity,
  procedureCostCents,
  coordinationCostCents,
  coordinatorId,
}: EstimateSavingsOptions): SavingsResult {
  const byAmount = [...members].sort((a, b) => b.annualAmountCents - a.annualAmountCents || (a.organizationId < b.organizationId ? -1 : 1));
  const coordinator = coordinatorId ?? byAmount[0]?.organizationId ?? '';
  const coordinatorSiren = members.find((m) => m.organizationId === coordinator)?.siren;
  // One procedure replaces one per buyer: establishments of one SIREN would have run a single procedure.
  const payers = new Map<string, string>();
  for (const m of [...members].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1))) {
    if (m.siren !== coordinatorSiren && !payers.has(m.siren)) payers.set(m.siren, m.organizationId);
  }
  const avoiding = new Set(payers.values());
  const { basis, perMember, ratio } = purchaseSavings(members, elasticity);
  const memberSavings = perMember.map((x): MemberSavings => {
    const procedural =
      (avoiding.has(x.organizationId) ? procedureCostCents : 0) - (x.organizationId === coordinator ? coordinationCostCents : 0);
    return { organizationId: x.organizationId, purchase: x.purchase, procedural, total: range((s) => x.purchase[s] + procedural) };
  });
  const sum = (f: (x: (typeof perMember)[number]) => SavingsRange) => range((s) => perMember.reduce((acc, x) => acc + f(x)[s], 0));
  const purchase = sum((x) => x.purchase);
  const priceHarmonisation = sum((x) => x.harmonisation);
  const volumeEffect = range((s) => purchase[s] - priceHarmonisation[s]);
  const procedural = avoiding.size * procedureCostCents - coordinationCostCents;
  const total = range((s) => purchase[s] + procedural);
  const basisText =
    basis === 'quantities'
      ? `Prix harmonisés (bas : prix actuels ; central : 25e centile pondéré ; haut : prix minimal) puis effet volume (volume mutualisé ${ratio.toFixed(2)} fois le volume typique d’un membre, b = ${elasticity.low} / ${elasticity.central} / ${elasticity.high}).`
      : `Quantités inconnues ou non comparables : seul l’effet volume sur les montants est estimé, fourchette large (bas 0, b central ${elasticity.central}, haut ${elasticity.high}).`;
  const explanation = [
    basisText,
    `${avoiding.size} procédure(s) évitée(s) à ${formatEuros(procedureCostCents)}, moins ${formatEuros(coordinationCostCents)} de coordination à la charge du coordonnateur.`,
    `Économie annuelle totale : ${formatEuros(total.low)} à ${formatEuros(total.high)} (central ${formatEuros(total.central)}).`,
    `Provenance : ${elasticity.provenance}`,
  ].join(' ');
  return {
    basis,
    members: memberSavings,
    priceHarmonisation,
    volumeEffect,
    procedural,
    total,
    elasticity,
    coordinatorId: coordinator,
    caveat: SAVINGS_CAVEAT,
    explanation,
  };
}
