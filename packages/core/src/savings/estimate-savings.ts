import type { Cents } from '../domain/types';
import type { ProcedureKind } from '../procedure/procedure-kind';
import { explainSavings } from './explain-savings';
import { AVOIDABLE_PROCEDURE_KINDS, type AvoidableProcedureKind, type AvoidedProcedures, type ProcedureCosts } from './procedure-costs';
import { type Elasticity, MAX_ELASTICITY, type SavingsCalibration } from './savings-calibrations';
import { type SavingsProvenance, savingsProvenance } from './savings-provenance';
import { weightedQuantile } from './weighted-quantile';

/** A member as the savings model sees it; `quantity` is in the family's base unit, null when unknown. */
export interface SavingsMember {
  organizationId: string;
  siren: string;
  annualAmountCents: Cents;
  quantity: number | null;
  /**
   * Procedure the member would follow alone. A purchase under the dispense threshold needs no
   * procedure (R2122-8), so the groupement avoids none for it; when unknown, one is counted.
   */
  aloneProcedureKind?: ProcedureKind;
}

export interface EstimateSavingsOptions {
  members: readonly SavingsMember[];
  elasticity: Elasticity;
  /** Published range and kind of the family's segment (resolveSavingsCalibration). */
  calibration: SavingsCalibration;
  /** Cost of running one procedure of each kind, avoided once per procedure cycle by every buyer but the coordinator. */
  procedureCosts: ProcedureCosts;
  /** Cost of coordinating one procedure cycle, borne by the coordinator. */
  coordinationCostCents: Cents;
  /** Duration of the pooled contract including renewals: one procedure cycle, over which procedure costs are spread. */
  contractMonths: number;
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
  /** Price savings (harmonisation + volume effect), after calibration. */
  purchase: SavingsRange;
  /** Avoided procedure cost minus the coordination cost, per year (one cycle spread over the contract). */
  procedural: Cents;
  total: SavingsRange;
}

/** One procedure cycle: the procedures the groupement avoids, once, and what coordinating it costs. */
export interface ProcedureCycle {
  avoidedProcedures: number;
  /** By kind, lightest first; each member avoids the procedure it would have run alone. */
  avoided: AvoidedProcedures[];
  avoidedCostCents: Cents;
  coordinationCostCents: Cents;
  contractMonths: number;
  /** Net saving of the cycle: avoided costs − coordination cost. */
  perCycleCents: Cents;
}

export interface SavingsResult {
  /** `amounts` when some quantity is unknown: only a volume effect on amounts, with a wide range. */
  basis: 'quantities' | 'amounts';
  members: MemberSavings[];
  /** Parts of the price model before calibration. */
  priceHarmonisation: SavingsRange;
  volumeEffect: SavingsRange;
  /** Price savings after calibration: zero for a supply-security segment, each member capped at the published high. */
  price: SavingsRange;
  /** Whether the published high lowered some member's central (resp. high) price saving. */
  isCapped: { central: boolean; high: boolean };
  /** Per year. */
  procedural: Cents;
  procedureCycle: ProcedureCycle;
  total: SavingsRange;
  elasticity: Elasticity;
  provenance: SavingsProvenance;
  coordinatorId: string;
  caveat: string;
  explanation: string;
}

type Scenario = keyof SavingsRange;

/** French warning shown with every savings estimate. */
export const SAVINGS_CAVEAT =
  'Estimation indicative, jamais garantie : le prix obtenu dépend de la concurrence, des cours des matières premières et des offres reçues. La fourchette de prix reste dans celle des évaluations publiées pour cette famille ; les élasticités et les coûts de procédure sont des hypothèses modifiables.';

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
    harmonisation.central += Math.round(q * (p - hCentral));
    harmonisation.high += Math.round(q * (p - hHigh));
    perMember[i] = {
      low: Math.round(q * (p - p * factorLow)),
      central: Math.round(q * (p - hCentral * factorCentral)),
      high: Math.round(q * (p - hHigh * factorHigh)),
    };
  }
  return { basis: hasQuantities ? ('quantities' as const) : ('amounts' as const), perMember, harmonisation, ratio };
}

/**
 * The published evidence applied member by member: no member's price saving exceeds the segment's
 * published high of its own amount (a figure each member can defend before its assembly), and a
 * supply-security segment shows no central price saving at all.
 */
function calibrateMember(raw: SavingsRange, annualAmountCents: Cents, calibration: SavingsCalibration): SavingsRange {
  // The epsilon keeps a product such as 0.15 × 1 200 000 (179 999.999…) from losing a cent.
  const cap = Math.floor(annualAmountCents * calibration.range.high + 1e-6);
  if (calibration.kind === 'supply_security') return { low: 0, central: 0, high: Math.min(raw.high, cap) };
  return range((s) => Math.min(raw[s], cap));
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
 * Members whose procedure the groupement avoids: one per SIREN (the smallest organization id), the
 * coordinator's SIREN excepted, since establishments of one SIREN would have run a single procedure,
 * and only among members that alone would have needed one (not under the dispense threshold).
 */
function avoidingMembers(members: readonly SavingsMember[], coordinatorSiren: string | undefined): Set<string> {
  const firstBySiren = new Map<string, string>();
  for (const m of members) {
    if (m.siren === coordinatorSiren || m.aloneProcedureKind === 'dispense') continue;
    const first = firstBySiren.get(m.siren);
    if (first === undefined || m.organizationId < first) firstBySiren.set(m.siren, m.organizationId);
  }
  return new Set(firstBySiren.values());
}

function avoidedKindOf(member: SavingsMember): AvoidableProcedureKind {
  const kind = member.aloneProcedureKind;
  return kind === undefined || kind === 'dispense' ? 'mapa' : kind;
}

/** Estimates yearly savings of pooling (harmonisation, volume effect, avoided procedures), per member and in total. */
export function estimateSavings({
  members,
  elasticity,
  calibration,
  procedureCosts,
  coordinationCostCents,
  contractMonths,
  coordinatorId,
}: EstimateSavingsOptions): SavingsResult {
  const coordinator = coordinatorId ?? largestMember(members)?.organizationId ?? '';
  const coordinatorSiren = members.find((m) => m.organizationId === coordinator)?.siren;
  const avoiding = avoidingMembers(members, coordinatorSiren);
  const months = contractMonths > 0 ? contractMonths : 12;
  // Costs of one procedure cycle, spread over the contract it buys: per year = cycle × 12 / months.
  const perYear = (cents: Cents) => Math.round((cents * 12) / months);
  const { basis, perMember, harmonisation: priceHarmonisation, ratio } = purchaseSavings(members, elasticity);
  const raw: SavingsRange = { low: 0, central: 0, high: 0 };
  const price: SavingsRange = { low: 0, central: 0, high: 0 };
  const isCapped = { central: false, high: false };
  let procedural = 0;
  const avoidedByKind = new Map<AvoidableProcedureKind, number>();
  const memberSavings = perMember.map((memberRaw, i): MemberSavings => {
    const member = members[i] as SavingsMember;
    const purchase = calibrateMember(memberRaw, member.annualAmountCents, calibration);
    // A member whose alone procedure is unknown is counted as running a procédure adaptée.
    const avoidedKind = avoidedKindOf(member);
    if (avoiding.has(member.organizationId)) avoidedByKind.set(avoidedKind, (avoidedByKind.get(avoidedKind) ?? 0) + 1);
    const memberProcedural =
      (avoiding.has(member.organizationId) ? perYear(procedureCosts[avoidedKind]) : 0) -
      (member.organizationId === coordinator ? perYear(coordinationCostCents) : 0);
    for (const s of ['low', 'central', 'high'] as const) {
      raw[s] += memberRaw[s];
      price[s] += purchase[s];
    }
    if (calibration.kind === 'price' && purchase.central < memberRaw.central) isCapped.central = true;
    if (purchase.high < memberRaw.high) isCapped.high = true;
    procedural += memberProcedural;
    return {
      organizationId: member.organizationId,
      purchase,
      procedural: memberProcedural,
      total: range((s) => purchase[s] + memberProcedural),
    };
  });
  const volumeEffect = range((s) => raw[s] - priceHarmonisation[s]);
  const avoided = AVOIDABLE_PROCEDURE_KINDS.filter((kind) => avoidedByKind.has(kind)).map(
    (kind): AvoidedProcedures => ({ kind, count: avoidedByKind.get(kind) ?? 0, unitCostCents: procedureCosts[kind] }),
  );
  const avoidedCostCents = avoided.reduce((sum, a) => sum + a.count * a.unitCostCents, 0);
  const procedureCycle: ProcedureCycle = {
    avoidedProcedures: avoiding.size,
    avoided,
    avoidedCostCents,
    coordinationCostCents,
    contractMonths: months,
    perCycleCents: avoidedCostCents - coordinationCostCents,
  };
  const total = range((s) => price[s] + procedural);
  const annualAmountCents = members.reduce((sum, m) => sum + m.annualAmountCents, 0);
  const provenance = savingsProvenance(calibration);
  return {
    basis,
    members: memberSavings,
    priceHarmonisation,
    volumeEffect,
    price,
    isCapped,
    procedural,
    procedureCycle,
    total,
    elasticity,
    provenance,
    coordinatorId: coordinator,
    caveat: SAVINGS_CAVEAT,
    explanation: explainSavings({
      basis,
      ratio,
      elasticity,
      price,
      isCapped,
      procedural,
      procedureCycle,
      total,
      annualAmountCents,
      provenance,
    }),
  };
}
