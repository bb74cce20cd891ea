import { getCpv } from '../cpv/cpv-catalog';
import { CPV_LEVEL_DIGITS, type CpvLevel, cpvAtLevel } from '../cpv/cpv-code';
import type { Cents } from '../domain/types';

/** What the proposal needs to know of one imported contract. */
export interface DecpContractFacts {
  organizationId: string;
  decpId: string;
  cpvCode: string;
  /** Current amount and duration (after the DECP amendments). */
  amountCents: Cents | null;
  durationMonths: number;
}

/** A need proposed to a buyer from its DECP contracts, awaiting confirmation (status `proposed`). */
export interface ProposedDecpNeed {
  organizationId: string;
  /** CPV code of the purchase family (the class of the contracts by default). */
  familyCode: string;
  annualAmountCents: Cents;
  /** The DECP ids the amount comes from, sorted, separated by spaces. */
  sourceRef: string;
  contractCount: number;
}

export interface ProposeDecpNeedsOptions {
  /** Hierarchy level that defines a purchase family; default `class` (4 digits). */
  familyLevel?: CpvLevel;
}

/**
 * Annualised need per buyer and purchase family: Σ montant / (dureeMois / 12) over the family's
 * contracts that have an amount, both as amended (current amount over current duration). Caveats:
 * for an accord-cadre the montant is its maximum, and the duration includes optional renewals, so
 * the proposal overstates what is actually bought; some publishers put an avenant's own amount
 * where the DECP wants the new total, which understates it. The buyer confirms or corrects it.
 */
export function proposeDecpNeeds(contracts: readonly DecpContractFacts[], options: ProposeDecpNeedsOptions = {}): ProposedDecpNeed[] {
  const level = options.familyLevel ?? 'class';
  const groups = new Map<string, { organizationId: string; familyCode: string; annual: number; ids: string[] }>();
  for (const contract of contracts) {
    if (contract.amountCents === null || contract.durationMonths <= 0) continue;
    const familyCode = familyCodeOf(contract.cpvCode, level);
    const key = `${contract.organizationId}|${familyCode}`;
    const group = groups.get(key) ?? { organizationId: contract.organizationId, familyCode, annual: 0, ids: [] };
    group.annual += (contract.amountCents * 12) / contract.durationMonths;
    group.ids.push(contract.decpId);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    organizationId: g.organizationId,
    familyCode: g.familyCode,
    annualAmountCents: Math.round(g.annual),
    sourceRef: [...g.ids].sort().join(' '),
    contractCount: g.ids.length,
  }));
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
