import { countFr } from '../french/count-fr';
import type { Cents } from '../domain/types';
import type { SavingsRange } from '../savings/estimate-savings';
import type { LotAward } from './record-award';

/** A member's situation before pooling, frozen in the launch snapshot. */
export interface MemberBaseline {
  organizationId: string;
  annualAmountCents: Cents;
  /** Yearly quantity in the family's base unit; null when unknown. */
  quantity: number | null;
  /** Savings estimated for it at launch (yearly). */
  estimated: SavingsRange;
}

/** What a member consumed on a lot over one period (a month `YYYY-MM`). */
export interface ConsumptionLine {
  lotKey: string;
  organizationId: string;
  period: string;
  quantity: number | null;
  amountCents: Cents;
}

/** Committed and realised figures of one member on one lot; null, with the reason, when a quantity or price needed is unknown. */
export interface SavingsLine {
  organizationId: string;
  lotKey: string;
  committedSpendCents: Cents | null;
  committedSavingsCents: Cents | null;
  /** Why committed savings are unknown (French), null when known. */
  committedUnknownReason: string | null;
  realisedSpendCents: Cents;
  realisedSavingsCents: Cents | null;
  /** Why realised savings are unknown (French), null when known. */
  realisedUnknownReason: string | null;
}

/**
 * Sums over lines. A savings sum is null when some line cannot be computed (it would otherwise
 * read as 0 or as less than it is): `…KnownCents` then sums the lines that can, and `…Unknown` says why.
 */
export interface SavingsTotals {
  baselineCents: Cents;
  estimated: SavingsRange;
  committedSpendCents: Cents;
  committedSavingsCents: Cents | null;
  committedKnownCents: Cents;
  committedUnknown: string | null;
  realisedSpendCents: Cents;
  realisedSavingsCents: Cents | null;
  realisedKnownCents: Cents;
  realisedUnknown: string | null;
}

export interface SavingsPipeline {
  lines: SavingsLine[];
  members: (SavingsTotals & { organizationId: string })[];
  lots: (SavingsTotals & { lotKey: string; lotLabel: string })[];
  total: SavingsTotals;
}

export interface ComputeSavingsPipelineOptions {
  baselines: readonly MemberBaseline[];
  awards: readonly LotAward[];
  consumption: readonly ConsumptionLine[];
}

/** Price per base unit before pooling: baseline amount ÷ baseline quantity, when both are known. */
function unitPriceOf(baseline: MemberBaseline | undefined): number | null {
  if (!baseline || baseline.quantity === null || baseline.quantity <= 0) return null;
  return baseline.annualAmountCents / baseline.quantity;
}

/**
 * Committed (yearly): the forecast at the awarded price against the same forecast at the member's
 * former price. A unit price gives spend = forecast × price; a yearly amount is shared by forecast
 * quantity (by baseline amount when a quantity is unknown) and compared with the covered baseline.
 */
function committedOf(award: LotAward, organizationId: string, byMember: Map<string, MemberBaseline>) {
  const baseline = byMember.get(organizationId);
  const forecastOf = (id: string) =>
    award.coverage.find((c) => c.organizationId === id)?.forecastQuantity ?? byMember.get(id)?.quantity ?? null;
  const forecast = forecastOf(organizationId);
  const unitPrice = unitPriceOf(baseline);
  const formerCost = forecast !== null && unitPrice !== null ? forecast * unitPrice : (baseline?.annualAmountCents ?? null);
  let spend: number | null;
  if (award.price.kind === 'unit') {
    spend = forecast === null ? null : forecast * award.price.unitPriceCents;
    if (spend === null) return { spend: null, savings: null, reason: UNKNOWN.forecast };
    if (unitPrice === null) return { spend: Math.round(spend), savings: null, reason: UNKNOWN.formerPrice };
  } else {
    const forecasts = award.coverage.map((c) => forecastOf(c.organizationId));
    const byQuantity = forecasts.every((f) => f !== null && f > 0) && forecast !== null;
    const weights = byQuantity
      ? forecasts.map((f) => f ?? 0)
      : award.coverage.map((c) => byMember.get(c.organizationId)?.annualAmountCents ?? 0);
    const own = byQuantity ? (forecast ?? 0) : (baseline?.annualAmountCents ?? 0);
    const sum = weights.reduce((s, w) => s + w, 0);
    spend = sum > 0 ? (award.price.amountCents * own) / sum : null;
  }
  if (spend === null || formerCost === null)
    return { spend: spend === null ? null : Math.round(spend), savings: null, reason: UNKNOWN.share };
  return { spend: Math.round(spend), savings: Math.round(formerCost - spend), reason: null };
}

/** Why a figure cannot be computed, in the words the buyer reads. */
const UNKNOWN = {
  forecast: 'quantité prévue inconnue : la dépense au prix unitaire attribué ne peut pas être calculée',
  formerPrice: 'quantité de référence du membre inconnue : pas d’ancien prix unitaire à comparer',
  share: 'ni quantité ni montant de référence pour répartir le montant attribué',
  consumption: (periods: readonly string[]) =>
    `consommation saisie sans quantité (${periods.join(', ')}) : l’économie réalisée ne peut pas être calculée`,
} as const;

/**
 * Realised: each consumed quantity valued at the member's former unit price, minus what was paid.
 * Nothing consumed yet realises 0; a line without quantity, or a member without a former unit
 * price, makes the saving unknown — never 0.
 */
function realisedOf(lines: readonly ConsumptionLine[], baseline: MemberBaseline | undefined) {
  const spend = lines.reduce((s, l) => s + l.amountCents, 0);
  if (lines.length === 0) return { spend, savings: 0, reason: null };
  const unitPrice = unitPriceOf(baseline);
  const withoutQuantity = lines.filter((l) => l.quantity === null).map((l) => l.period);
  if (withoutQuantity.length > 0) return { spend, savings: null, reason: UNKNOWN.consumption([...new Set(withoutQuantity)].sort()) };
  if (unitPrice === null) return { spend, savings: null, reason: UNKNOWN.formerPrice };
  const former = lines.reduce((s, l) => s + Math.round((l.quantity ?? 0) * unitPrice), 0);
  return { spend, savings: former - spend, reason: null };
}

const zeroRange = (): SavingsRange => ({ low: 0, central: 0, high: 0 });

/** « Inconnue pour 2 lignes : reason ; reason. » from the unknown lines' reasons; null when none. */
function unknownOf(reasons: readonly (string | null)[]): string | null {
  const known = reasons.filter((r): r is string => r !== null);
  if (known.length === 0) return null;
  return `Inconnue pour ${countFr(known.length, 'ligne')} : ${[...new Set(known)].join(' ; ')}.`;
}

function totalsOf(lines: readonly SavingsLine[], baselines: readonly MemberBaseline[]): SavingsTotals {
  const sum = (f: (l: SavingsLine) => number | null) => lines.reduce((s, l) => s + (f(l) ?? 0), 0);
  const estimated = baselines.reduce(
    (r, b) => ({ low: r.low + b.estimated.low, central: r.central + b.estimated.central, high: r.high + b.estimated.high }),
    zeroRange(),
  );
  const committedUnknown = unknownOf(lines.map((l) => l.committedUnknownReason));
  const realisedUnknown = unknownOf(lines.map((l) => l.realisedUnknownReason));
  const committedKnownCents = sum((l) => l.committedSavingsCents);
  const realisedKnownCents = sum((l) => l.realisedSavingsCents);
  return {
    baselineCents: baselines.reduce((s, b) => s + b.annualAmountCents, 0),
    estimated,
    committedSpendCents: sum((l) => l.committedSpendCents),
    committedSavingsCents: committedUnknown === null ? committedKnownCents : null,
    committedKnownCents,
    committedUnknown,
    realisedSpendCents: sum((l) => l.realisedSpendCents),
    realisedSavingsCents: realisedUnknown === null ? realisedKnownCents : null,
    realisedKnownCents,
    realisedUnknown,
  };
}

/** Savings from estimate (launch snapshot) to commitment (awarded prices) to reality (consumption), per member, lot and in total. */
export function computeSavingsPipeline({ baselines, awards, consumption }: ComputeSavingsPipelineOptions): SavingsPipeline {
  const byMember = new Map(baselines.map((b) => [b.organizationId, b]));
  const lines = awards.flatMap((award) =>
    award.coverage.map((c): SavingsLine => {
      const committed = committedOf(award, c.organizationId, byMember);
      const consumed = consumption.filter((l) => l.lotKey === award.lotKey && l.organizationId === c.organizationId);
      const realised = realisedOf(consumed, byMember.get(c.organizationId));
      return {
        organizationId: c.organizationId,
        lotKey: award.lotKey,
        committedSpendCents: committed.spend,
        committedSavingsCents: committed.savings,
        committedUnknownReason: committed.reason,
        realisedSpendCents: realised.spend,
        realisedSavingsCents: realised.savings,
        realisedUnknownReason: realised.reason,
      };
    }),
  );
  return {
    lines,
    members: baselines.map((b) => ({
      organizationId: b.organizationId,
      ...totalsOf(
        lines.filter((l) => l.organizationId === b.organizationId),
        [b],
      ),
    })),
    lots: awards.map((a) => ({
      lotKey: a.lotKey,
      lotLabel: a.lotLabel,
      ...totalsOf(
        lines.filter((l) => l.lotKey === a.lotKey),
        [],
      ),
    })),
    total: totalsOf(lines, baselines),
  };
}
