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

type Scenario = keyof SavingsRange;

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
 * Plain loops and one factor per scenario: this runs for every member of every opportunity.
 */
function purchaseSavings(members: readonly SavingsMember[], elasticity: Elasticity) {
  const n = members.length;
  const hasQuantities = members.every((m) => m.quantity !== null && m.quantity > 0);
  const volumes = new Array<number>(n);
  const prices = new Array<number>(n);
  let total = 0;
  let squares = 0;
  let pMin = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i += 1) {
    const m = members[i] as SavingsMember;
    const v = hasQuantities ? (m.quantity as number) : m.annualAmountCents;
    volumes[i] = v;
    total += v;
    squares += v * v;
    const p = hasQuantities ? m.annualAmountCents / v : 1;
    prices[i] = p;
    pMin = Math.min(pMin, p); // Math.min(...prices) without spreading a large array
  }
  const reference = total > 0 ? squares / total : 1;
  const ratio = total > 0 ? total / reference : 1;
  const bLow = hasQuantities ? clampB(elasticity.low) : 0;
  const factorLow = ratio ** -bLow;
  const factorCentral = ratio ** -clampB(elasticity.central);
  const factorHigh = ratio ** -clampB(elasticity.high);
  const p25 = hasQuantities ? weightedQuantile(prices, volumes, 0.25) : 1;
  // Per member: its purchase savings; the harmonisation part is only needed in total.
  const perMember = new Array<SavingsRange>(n);
  const harmonisation: SavingsRange = { low: 0, central: 0, high: 0 };
  for (let i = 0; i < n; i += 1) {
    const q = volumes[i] as number;
    const p = prices[i] as number;
    const hCentral = hasQuantities ? Math.min(p, p25) : p;
    const hHigh = hasQuantities ? Math.min(p, pMin) : p;
    harmonisation.low += Math.round(q * (p - p));
    harmonisation.central += Math.round(q * (p - hCentral));
    harmonisation.high += Math.round(q * (p - hHigh));
    perMember[i] = {
      low: Math.round(q * (p - p * factorLow)),
      central: Math.round(q * (p - hCentral * factorCentral)),
      high: Math.round(q * (p - hHigh * factorHigh)),
    };
  }
  return { basis: hasQuantities ? ('quantities' as const) : ('amounts' as const), perMember, harmonisation, ratio, p25, pMin };
}

/** The coordinator by default: the largest amount, ties by smallest organization id. */
function largestMember(members: readonly SavingsMember[]): SavingsMember | undefined {
  let best: SavingsMember | undefined;
  for (const m of members) {
    if (best === undefined || m.annualAmountCents > best.annualAmountCents) best = m;
    else if (m.annualAmountCents === best.annualAmountCents && m.organizationId < best.organizationId) best = m;
  }
  return best;
}

/**
 * Members whose procedure the groupement avoids: one per SIREN (the smallest organization id),
 * the coordinator's SIREN excepted, since establishments of one SIREN would have run a single procedure.
 */
function avoidingMembers(members: readonly SavingsMember[], coordinatorSiren: string | undefined): Set<string> {
  const firstBySiren = new Map<string, string>();
  for (const m of members) {
    if (m.siren === coordinatorSiren) continue;
    const first = firstBySiren.get(m.siren);
    if (first === undefined || m.organizationId < first) firstBySiren.set(m.siren, m.organizationId);
  }
  return new Set(firstBySiren.values());
}

/** Estimates yearly savings of pooling (harmonisation, volume effect, avoided procedures), per member and in total. */
export function estimateSavings({
  members,
  elasticity,
  procedureCostCents,
  coordinationCostCents,
  coordinatorId,
}: EstimateSavingsOptions): SavingsResult {
  const coordinator = coordinatorId ?? largestMember(members)?.organizationId ?? '';
  const coordinatorSiren = members.find((m) => m.organizationId === coordinator)?.siren;
  const avoiding = avoidingMembers(members, coordinatorSiren);
  const { basis, perMember, harmonisation: priceHarmonisation, ratio } = purchaseSavings(members, elasticity);
  const purchase: SavingsRange = { low: 0, central: 0, high: 0 };
  const memberSavings = perMember.map((memberPurchase, i): MemberSavings => {
    const organizationId = (members[i] as SavingsMember).organizationId;
    const procedural =
      (avoiding.has(organizationId) ? procedureCostCents : 0) - (organizationId === coordinator ? coordinationCostCents : 0);
    purchase.low += memberPurchase.low;
    purchase.central += memberPurchase.central;
    purchase.high += memberPurchase.high;
    const total = {
      low: memberPurchase.low + procedural,
      central: memberPurchase.central + procedural,
      high: memberPurchase.high + procedural,
    };
    return { organizationId, purchase: memberPurchase, procedural, total };
  });
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
