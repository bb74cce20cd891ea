import type { Organization } from '../domain/types';
import type { UnitCode } from '../units/units';
import type { FamilyLeftOut } from './detect-opportunities';
import { explainOpportunity } from './explain-opportunity';
import type { FamilyRef } from './family-resolver';
import type { NeedColumns } from './need-columns';
import type { Opportunity, OpportunityMember } from './opportunity';
import type { Cell } from './resolve-cells';

export interface BuildOpportunityOptions {
  /** Need indices of the group. */
  rows: Int32Array;
  /** The needs as columns (see `toNeedColumns`). */
  columns: NeedColumns;
  needOrg: Int32Array;
  organizations: readonly Organization[];
  /** SIREN of each organization (same indices as `organizations`). */
  orgSirens: readonly string[];
  /** Position of each organization in the order of organization ids. */
  orgRank: Int32Array;
  /** Scratch array, -1 everywhere on entry and on return. */
  memberSlot: Int32Array;
  /** Scratch array of `columns.cpvCodes.length` zeros, zeros again on return. */
  cpvScratch: Float64Array;
  family: FamilyRef;
  familyIndex: number;
  cell: Cell;
  buyerCount: number;
  leftOut: FamilyLeftOut;
}

interface Accumulator {
  orgIndex: number;
  amount: number;
  quantity: number;
  needIds: string[];
  isConfirmed: boolean;
}

/** Builds one opportunity from its group of needs: members, exact pooled amount, harmonised quantity, explanation. */
export function buildOpportunity(options: BuildOpportunityOptions): Opportunity {
  const { rows, columns, needOrg, memberSlot, cpvScratch } = options;
  const accumulators: Accumulator[] = [];
  const baseUnits = new Set<number>();
  const reasons = new Set<string>();
  const touchedCpv: number[] = [];
  let missingQuantities = 0;
  let amount = 0;
  let unconfirmedNeeds = 0;
  for (const r of rows) {
    const o = needOrg[r] as number;
    let slot = memberSlot[o] as number;
    if (slot < 0) {
      slot = accumulators.push({ orgIndex: o, amount: 0, quantity: 0, needIds: [], isConfirmed: true }) - 1;
      memberSlot[o] = slot;
    }
    const acc = accumulators[slot] as Accumulator;
    const needAmount = columns.amounts[r] as number;
    acc.amount += needAmount;
    amount += needAmount;
    const cpv = columns.cpv[r] as number;
    if (cpvScratch[cpv] === 0 && !touchedCpv.includes(cpv)) touchedCpv.push(cpv);
    cpvScratch[cpv] = (cpvScratch[cpv] as number) + needAmount;
    acc.needIds.push(columns.ids[r] as string);
    if (columns.isConfirmed[r] === 0) {
      acc.isConfirmed = false;
      unconfirmedNeeds += 1;
    }
    // Quantities pool only within one dimension (kg with t, sheets with reams, units with boxes of N).
    const state = columns.quantityState[r] as number;
    if (state === NO_QUANTITY) missingQuantities += 1;
    else if (state < 0) reasons.add(columns.quantityReasons[-2 - state] as string);
    else {
      baseUnits.add(state);
      acc.quantity += columns.baseQuantity[r] as number;
    }
  }
  const cpvBreakdown = touchedCpv
    .map((cpv) => {
      const annualAmountCents = cpvScratch[cpv] as number;
      cpvScratch[cpv] = 0;
      return { cpvCode: columns.cpvCodes[cpv] as string, annualAmountCents };
    })
    .sort((a, b) => b.annualAmountCents - a.annualAmountCents || (a.cpvCode < b.cpvCode ? -1 : 1));
  const units = [...baseUnits].map((u) => columns.baseUnits[u] as UnitCode);
  // Messages are built from counts and sorted sets so they do not depend on input order.
  const quantityIssue =
    missingQuantities > 0
      ? `${missingQuantities} besoin(s) sans quantité`
      : reasons.size > 0
        ? ([...reasons].sort()[0] as string)
        : units.length > 1
          ? `unités incompatibles (${units.sort().join(' et ')})`
          : null;
  const baseUnit: UnitCode | null = units.length === 1 ? (units[0] as UnitCode) : null;
  const hasQuantity = quantityIssue === null && baseUnit !== null;
  const members = toMembers(options, accumulators, amount, hasQuantity);
  const quantity = hasQuantity && baseUnit !== null ? { value: members.reduce((s, m) => s + (m.quantity ?? 0), 0), unit: baseUnit } : null;
  const { family, cell, buyerCount } = options;
  const opportunity: Opportunity = {
    id: `${family.key}@${cell.code}`,
    family,
    cell,
    members,
    annualAmountCents: amount,
    quantity,
    buyerCount,
    cpvBreakdown,
    hasUnconfirmed: unconfirmedNeeds > 0,
    explanation: '',
  };
  return {
    ...opportunity,
    explanation: explainOpportunity({
      opportunity,
      needCount: rows.length,
      unconfirmedNeeds,
      quantityIssue,
      familyIndex: options.familyIndex,
      leftOut: options.leftOut,
    }),
  };
}

/** `quantityState` of a need without a quantity (or unit); -2 − k is `quantityReasons[k]`, ≥ 0 a base unit index. */
export const NO_QUANTITY = -1;

/** Members by organization id (the precomputed rank: no string comparison), resetting `memberSlot`. */
function toMembers(
  options: BuildOpportunityOptions,
  accumulators: Accumulator[],
  amount: number,
  hasQuantity: boolean,
): OpportunityMember[] {
  const { organizations, orgSirens, orgRank, memberSlot } = options;
  accumulators.sort((a, b) => (orgRank[a.orgIndex] as number) - (orgRank[b.orgIndex] as number));
  return accumulators.map((acc): OpportunityMember => {
    memberSlot[acc.orgIndex] = -1;
    const org = organizations[acc.orgIndex] as Organization;
    return {
      organizationId: org.id,
      siret: org.siret,
      siren: orgSirens[acc.orgIndex] as string,
      name: org.name,
      kind: org.kind,
      annualAmountCents: acc.amount,
      share: amount > 0 ? acc.amount / amount : 1 / accumulators.length,
      quantity: hasQuantity ? acc.quantity : null,
      needIds: acc.needIds.sort(),
      isConfirmed: acc.isConfirmed,
    };
  });
}
