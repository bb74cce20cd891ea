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
  const byBuyer = new Map<string, DecpContractFacts[]>();
  for (const contract of contracts) {
    if (contract.durationMonths <= 0) continue;
    const list = byBuyer.get(contract.organizationId);
    if (list) list.push(contract);
    else byBuyer.set(contract.organizationId, [contract]);
  }
  return [...byBuyer].flatMap(([organizationId, own]) => proposeBuyerNeeds(organizationId, own, options));
}

/** `proposeDecpNeeds` for the contracts of one buyer (their `organizationId` is not read). */
export function proposeBuyerNeeds(
  organizationId: string,
  contracts: readonly Omit<DecpContractFacts, 'organizationId'>[],
  options: ProposeDecpNeedsOptions = {},
): ProposedDecpNeed[] {
  const needs: ProposedDecpNeed[] = [];
  forEachBuyerNeed(contracts, options, (cpvCode, annualAmountCents, ids, countedContractCount) => {
    // A contract listed twice (the same DECP id) counts once.
    const sorted = typeof ids === 'string' ? [ids] : [...new Set(ids)].sort();
    needs.push({
      organizationId,
      cpvCode,
      annualAmountCents,
      sourceRef: sorted.join(' '),
      contractCount: sorted.length,
      countedContractCount,
    });
  });
  return needs;
}

/**
 * `proposeBuyerNeeds` without the DECP ids (what an aggregate of many buyers reads): each need's
 * code, yearly amount and contract count, handed to `onNeed` in the same order.
 */
export function summariseBuyerNeeds(
  contracts: readonly Omit<DecpContractFacts, 'organizationId'>[],
  onNeed: (cpvCode: string, annualAmountCents: Cents, contractCount: number) => void,
  options: ProposeDecpNeedsOptions = {},
): void {
  forEachBuyerNeed(contracts, options, (cpvCode, annualAmountCents, ids) =>
    onNeed(cpvCode, annualAmountCents, typeof ids === 'string' || ids.length === 1 ? 1 : new Set(ids).size),
  );
}

/**
 * Receives each proposed need: its code, yearly amount (rounded), the DECP ids behind it — one id,
 * or a list that may name a contract twice — and how many of them are counted.
 */
type NeedSink = (cpvCode: string, annualAmountCents: Cents, ids: string | readonly string[], countedContractCount: number) => void;

function forEachBuyerNeed(contracts: readonly Facts[], options: ProposeDecpNeedsOptions, sink: NeedSink): void {
  const level = options.familyLevel ?? 'class';
  for (const purchase of purchasesOf(contracts, level)) needsOfPurchase(purchase, sink);
}

type Facts = Omit<DecpContractFacts, 'organizationId'>;
/** A purchase's contracts: most purchases have one, kept without a list. */
type Purchase = Facts | Facts[];

/**
 * The buyer's contracts (of positive duration) grouped by purchase: same family code, or linked
 * through a covering code. Only a code coarser than the family level links families: a family code
 * has at most the level's digits, so a code as fine as the level or finer prefixes no family code
 * but its own family's.
 */
function purchasesOf(contracts: readonly Facts[], level: CpvLevel): Iterable<Purchase> {
  const families = new Map<string, Purchase>();
  let linkingCodes: Set<string> | undefined;
  const levelDigits = CPV_LEVEL_DIGITS[level];
  for (const c of contracts) {
    if (c.durationMonths <= 0) continue;
    const family = memoFamilyCodeOf(c.cpvCode, level);
    const purchase = families.get(family);
    if (purchase === undefined) families.set(family, c);
    else if (Array.isArray(purchase)) purchase.push(c);
    else families.set(family, [purchase, c]);
    const digits = significantDigitsOf(c.cpvCode);
    if (digits >= MIN_COVERING_DIGITS && digits < levelDigits) {
      linkingCodes ??= new Set();
      linkingCodes.add(c.cpvCode);
    }
  }
  if (families.size < 2 || linkingCodes === undefined) return families.values();
  const keys = [...families.keys()];
  const parent = new Map<string, string>();
  for (const k of keys) parent.set(k, k);
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const code of linkingCodes) {
    const own = memoFamilyCodeOf(code, level);
    const prefix = code.slice(0, significantDigitsOf(code));
    for (const key of keys) if (key !== own && key.startsWith(prefix)) parent.set(find(key), find(own));
  }
  const purchases = new Map<string, Facts[]>();
  for (const [key, family] of families) {
    const root = find(key);
    const list = Array.isArray(family) ? family : [family];
    const purchase = purchases.get(root);
    // The first family's list is this call's own: it becomes the purchase.
    if (purchase) for (const c of list) purchase.push(c);
    else purchases.set(root, list);
  }
  return purchases.values();
}

const annualOf = (c: Facts) => ((c.amountCents ?? 0) * 12) / c.durationMonths;
const byStart = (a: Facts, b: Facts) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.decpId.localeCompare(b.decpId);

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in the month of a month index (year × 12 + month − 1). */
function monthLength(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  return month === 1 && isLeap(year) ? 29 : (MONTH_DAYS[month] as number);
}

/** The digit at `i` of an ISO date. */
const digitAt = (date: IsoDate, i: number) => date.charCodeAt(i) - 48;

/** A date (YYYY-MM-DD) as month index × 32 + day: orders as the ISO string does (dates read once, no string arithmetic). */
function dateKey(date: IsoDate): number {
  const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  return (year * 12 + month - 1) * 32 + digitAt(date, 8) * 10 + digitAt(date, 9);
}

/**
 * The key of `addMonths(addMonths(start, months), -SUCCESSOR_OVERLAP_MONTHS)`: the day clamped to
 * the end month, then to the month SUCCESSOR_OVERLAP_MONTHS before it.
 */
function successorThresholdKey(startKey: number, months: number): number {
  const end = Math.floor(startKey / 32) + months;
  const back = end - SUCCESSOR_OVERLAP_MONTHS;
  return back * 32 + Math.min(startKey % 32, monthLength(end), monthLength(back));
}

/** One need per own CPV code of the purchase's current contracts; superseded contracts go to the need of their code (else the largest). */
function needsOfPurchase(purchase: Purchase, sink: NeedSink): void {
  if (!Array.isArray(purchase)) {
    // The commonest purchase: one contract, current, counted when it states an amount.
    if (purchase.amountCents !== null) sink(purchase.cpvCode, Math.round(annualOf(purchase)), purchase.decpId, 1);
    return;
  }
  // The latest start of the purchase, among dated contracts.
  const keys = purchase.map((c) => (c.startDate === null ? -1 : dateKey(c.startDate)));
  let latest = -1;
  for (const k of keys) if (k > latest) latest = k;
  const current: Facts[] = [];
  const superseded: Facts[] = [];
  purchase.forEach((c, i) => {
    const key = keys[i] as number;
    const isSuperseded = key >= 0 && latest > key && latest >= successorThresholdKey(key, c.durationMonths);
    (isSuperseded ? superseded : current).push(c);
  });
  const byCode = new Map<string, Facts[]>();
  for (const c of current) {
    const list = byCode.get(c.cpvCode);
    if (list) list.push(c);
    else byCode.set(c.cpvCode, [c]);
  }
  const needs: { code: string; annual: number; ids: string[]; counted: number }[] = [];
  for (const [code, ofCode] of byCode) {
    let annual = 0;
    let counted = 0;
    for (const c of ofCode)
      if (c.amountCents !== null) {
        annual += annualOf(c);
        counted += 1;
      }
    if (counted === 0) {
      // « From the current (or latest) contract »: when the current ones state no amount, the latest one of that code that does.
      let basis: Facts | undefined;
      for (const c of purchase)
        if (c.cpvCode === code && c.amountCents !== null && (basis === undefined || byStart(c, basis) >= 0)) basis = c;
      if (basis === undefined) continue;
      annual = annualOf(basis);
      counted = 1;
    }
    needs.push({ code, annual, ids: ofCode.map((c) => c.decpId), counted });
  }
  if (needs.length === 0) return;
  const largest = needs.reduce((best, n) => (n.annual > best.annual ? n : best));
  for (const c of superseded) {
    const target =
      needs.find((n) => n.code === c.cpvCode) ??
      needs.find((n) => cpvAtLevel(n.code, 'class') === cpvAtLevel(c.cpvCode, 'class')) ??
      largest;
    target.ids.push(c.decpId);
  }
  for (const n of needs) sink(n.code, Math.round(n.annual), n.ids, n.counted);
}

/** Class family codes and depths of the codes seen: a few thousand CPV codes at most, read once each. */
const familyMemo = new Map<string, string>();
const digitsMemo = new Map<string, number>();
const MEMO_LIMIT = 100_000;

/** `familyCodeOf` at `level`, remembered for the class level (the level every caller but the configurable proposal uses). */
export function memoFamilyCodeOf(cpvCode: string, level: CpvLevel): string {
  if (level !== 'class') return familyCodeOf(cpvCode, level);
  let family = familyMemo.get(cpvCode);
  if (family === undefined) {
    family = familyCodeOf(cpvCode, level);
    if (familyMemo.size < MEMO_LIMIT) familyMemo.set(cpvCode, family);
  }
  return family;
}

function significantDigitsOf(cpvCode: string): number {
  let digits = digitsMemo.get(cpvCode);
  if (digits === undefined) {
    digits = cpvSignificantDigits(cpvCode);
    if (digitsMemo.size < MEMO_LIMIT) digitsMemo.set(cpvCode, digits);
  }
  return digits;
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
