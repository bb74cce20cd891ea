import { addMonths } from '../calendar/iso-date';
import { getCpv } from '../cpv/cpv-catalog';
import { CPV_LEVEL_DIGITS, type CpvLevel, cpvAtLevel, cpvSignificantDigits, isCpvUnder } from '../cpv/cpv-code';
import type { Cents, IsoDate } from '../domain/types';

/** What the proposal needs to know of one imported contract. */
export interface DecpContractFacts {
  organizationId: string;
  decpId: string;
  cpvCode: string;
  /** Current amount and duration (after the DECP amendments). */
  amountCents: Cents | null;
  durationMonths: number;
  /**
   * Start (notification, else publication date): places the contract in a chain of successive ones.
   * Null for an undated record (its stored start is a stand-in): it neither renews nor is renewed.
   */
  startDate: IsoDate | null;
}

/** A need proposed to a buyer from its DECP contracts, awaiting confirmation (status `proposed`). */
export interface ProposedDecpNeed {
  organizationId: string;
  /** The own CPV code of the current (or latest) contracts, so that named families catch the need. */
  cpvCode: string;
  /** One year's amount of the current (or latest) contracts. */
  annualAmountCents: Cents;
  /** The DECP ids behind the need, sorted, separated by spaces: the counted contracts and the earlier ones they renew. */
  sourceRef: string;
  contractCount: number;
  /** Contracts whose amount is counted (the current generation); the others are evidence of recurrence. */
  countedContractCount: number;
}

export interface ProposeDecpNeedsOptions {
  /** Level at which two contracts buy the same thing (besides a code and a finer one under it); default `class`. */
  familyLevel?: CpvLevel;
}

/**
 * A contract is renewed by a later one of the same purchase that starts at most this many months
 * before it ends: the DECP start is the notification, which usually precedes the end of the
 * contract it replaces by a few months.
 */
export const SUCCESSOR_OVERLAP_MONTHS = 6;

/** A code covers the codes under it when it names at least a CPV group (3 digits): a division is too broad to say « same purchase ». */
const MIN_COVERING_DIGITS = 3;

/**
 * Recurring needs per buyer. Contracts of one buyer for the same purchase (same family code at
 * `familyLevel`, or one code under another of at least group level) form one recurring need: a
 * contract is superseded when a later one of that purchase starts at most SUCCESSOR_OVERLAP_MONTHS
 * before its end; the others — current, or the latest — give one year's amount each
 * (montant / (dureeMois / 12)), summed per own CPV code; superseded contracts are listed as
 * evidence, not counted. Caveats: for an accord-cadre the montant is its maximum, and the duration
 * includes optional renewals; the buyer confirms or corrects the proposal.
 */
export function proposeDecpNeeds(contracts: readonly DecpContractFacts[], options: ProposeDecpNeedsOptions = {}): ProposedDecpNeed[] {
  const level = options.familyLevel ?? 'class';
  const byBuyer = new Map<string, DecpContractFacts[]>();
  for (const contract of contracts) {
    if (contract.durationMonths <= 0) continue;
    const list = byBuyer.get(contract.organizationId);
    if (list) list.push(contract);
    else byBuyer.set(contract.organizationId, [contract]);
  }
  return [...byBuyer.values()].flatMap((own) => purchasesOf(own, level).flatMap(needsOfPurchase));
}

/** The buyer's contracts grouped by purchase: same family code, or linked through a covering code. */
function purchasesOf(contracts: readonly DecpContractFacts[], level: CpvLevel): DecpContractFacts[][] {
  const families = new Map<string, DecpContractFacts[]>();
  for (const c of contracts) {
    const family = familyCodeOf(c.cpvCode, level);
    const list = families.get(family);
    if (list) list.push(c);
    else families.set(family, [c]);
  }
  const keys = [...families.keys()];
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  const coveringCodes = new Set(contracts.map((c) => c.cpvCode).filter((code) => cpvSignificantDigits(code) >= MIN_COVERING_DIGITS));
  for (const code of coveringCodes) {
    const own = familyCodeOf(code, level);
    for (const key of keys) if (key !== own && isCpvUnder(key, code)) parent.set(find(key), find(own));
  }
  const purchases = new Map<string, DecpContractFacts[]>();
  for (const [key, list] of families) {
    const root = find(key);
    purchases.set(root, [...(purchases.get(root) ?? []), ...list]);
  }
  return [...purchases.values()];
}

const annualOf = (c: DecpContractFacts) => ((c.amountCents ?? 0) * 12) / c.durationMonths;
const byStart = (a: DecpContractFacts, b: DecpContractFacts) =>
  (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.decpId.localeCompare(b.decpId);

/** One need per own CPV code of the purchase's current contracts; superseded contracts go to the need of their code (else the largest). */
function needsOfPurchase(purchase: readonly DecpContractFacts[]): ProposedDecpNeed[] {
  // ISO dates compare as strings: the latest start of the purchase, among dated contracts.
  const latestStart =
    purchase
      .flatMap((c) => (c.startDate === null ? [] : [c.startDate]))
      .sort()
      .at(-1) ?? '';
  const isSuperseded = (c: DecpContractFacts) =>
    c.startDate !== null &&
    latestStart > c.startDate &&
    latestStart >= addMonths(addMonths(c.startDate, c.durationMonths), -SUCCESSOR_OVERLAP_MONTHS);
  const current = purchase.filter((c) => !isSuperseded(c));
  const superseded = purchase.filter(isSuperseded);
  const codes = [...new Set(current.map((c) => c.cpvCode))];
  const needs = codes.flatMap((code) => {
    const counted = current.filter((c) => c.cpvCode === code && c.amountCents !== null);
    // « From the current (or latest) contract »: when the current ones state no amount, the latest one of that code that does.
    const basis =
      counted.length > 0
        ? counted
        : [...purchase]
            .filter((c) => c.cpvCode === code && c.amountCents !== null)
            .sort(byStart)
            .slice(-1);
    if (basis.length === 0) return [];
    // A set: a long chain adds its superseded contracts one by one (a list's `includes` made that quadratic).
    const ids = new Set(current.filter((c) => c.cpvCode === code).map((c) => c.decpId));
    return [{ code, annual: basis.reduce((sum, c) => sum + annualOf(c), 0), ids, counted: basis.length }];
  });
  if (needs.length === 0) return [];
  const largest = needs.reduce((best, n) => (n.annual > best.annual ? n : best));
  for (const c of superseded) {
    const target =
      needs.find((n) => n.code === c.cpvCode) ??
      needs.find((n) => cpvAtLevel(n.code, 'class') === cpvAtLevel(c.cpvCode, 'class')) ??
      largest;
    target.ids.add(c.decpId);
  }
  const organizationId = purchase[0]?.organizationId ?? '';
  return needs.map((n) => {
    const ids = [...n.ids].sort();
    return {
      organizationId,
      cpvCode: n.code,
      annualAmountCents: Math.round(n.annual),
      sourceRef: ids.join(' '),
      contractCount: ids.length,
      countedContractCount: n.counted,
    };
  });
}

/**
 * Whether two codes buy the same thing for the proposal: same family code at `level`, or one under
 * the other when the covering one names at least a CPV group. A need the buyer already confirmed or
 * rejected for that purchase is not proposed again at another code.
 */
export function isSamePurchase(a: string, b: string, level: CpvLevel = 'class'): boolean {
  if (familyCodeOf(a, level) === familyCodeOf(b, level)) return true;
  const covers = (outer: string, inner: string) => cpvSignificantDigits(outer) >= MIN_COVERING_DIGITS && isCpvUnder(inner, outer);
  return covers(a, b) || covers(b, a);
}

/**
 * The family code of a CPV code at a level: its ancestor at that level, or the nearest coarser
 * ancestor that exists in CPV 2008 (a few classes have no code of their own).
 */
export function familyCodeOf(cpvCode: string, level: CpvLevel): string {
  const digits = CPV_LEVEL_DIGITS[level];
  for (let d = digits; d >= 2; d -= 1) {
    const candidate = cpvCode.slice(0, d).padEnd(8, '0');
    if (getCpv(candidate)) return candidate;
  }
  return cpvAtLevel(cpvCode, 'division');
}
