import { countFr } from '../french/count-fr';
import type { Organization } from '../domain/types';
import type { AssessPoolabilityOptions, Poolability } from './assess-poolability';
import { type UnitCode, UNITS } from '../units/units';
import type { FamilyLeftOut } from './detect-opportunities';
import { explainOpportunity } from './explain-opportunity';
import type { FamilyRef } from './family-resolver';
import type { NeedColumns } from './need-columns';
import type { Opportunity, OpportunityMember } from './opportunity';
import type { Cell } from './resolve-cells';

export interface BuildOpportunityOptions {
  /** Positions `from` … `to − 1` of the group's needs in `columns`, ordered by member (organization id), then input order. */
  from: number;
  to: number;
  /** The needs as columns (see `toNeedColumns`), gathered in opportunity and member order (`ids` excepted: see `order`). */
  columns: NeedColumns;
  /** Need index (into `columns.ids`) of each position. */
  order: Int32Array;
  /** Organization index of each position of `columns`. */
  positionOrg: Int32Array;
  organizations: readonly Organization[];
  /** SIREN of each organization (same indices as `organizations`). */
  orgSirens: readonly string[];
  /** Scratch array of `columns.cpvCodes.length` zeros, zeros again on return. */
  cpvScratch: Float64Array;
  family: FamilyRef;
  familyIndex: number;
  cell: Cell;
  buyerCount: number;
  leftOut: FamilyLeftOut;
  assessPoolability: (options: AssessPoolabilityOptions) => Poolability;
  /** Why the zone is a département of a wider scope, when it is. */
  scopeNote: string | null;
}

/**
 * Builds one opportunity from its group of needs: members, exact pooled amount, harmonised
 * quantity, explanation. A member's needs are one contiguous run of positions, so members come
 * out in id order with no per-member lookup, accumulator or sort.
 */
export function buildOpportunity(options: BuildOpportunityOptions): Opportunity {
  const { from, to, columns, order, positionOrg, cpvScratch, organizations, orgSirens } = options;
  const members: OpportunityMember[] = [];
  const baseUnits = new Set<number>();
  const reasons = new Set<string>();
  const touchedCpv: number[] = [];
  let missingQuantities = 0;
  let amount = 0;
  let unconfirmedNeeds = 0;
  let runStart = from;
  while (runStart < to) {
    const o = positionOrg[runStart] as number;
    let runEnd = runStart + 1;
    while (runEnd < to && positionOrg[runEnd] === o) runEnd += 1;
    let memberAmount = 0;
    let memberQuantity = 0;
    let isConfirmed = true;
    for (let r = runStart; r < runEnd; r += 1) {
      const needAmount = columns.amounts[r] as number;
      memberAmount += needAmount;
      const cpv = columns.cpv[r] as number;
      if (cpvScratch[cpv] === 0 && !touchedCpv.includes(cpv)) touchedCpv.push(cpv);
      cpvScratch[cpv] = (cpvScratch[cpv] as number) + needAmount;
      if (columns.isConfirmed[r] === 0) {
        isConfirmed = false;
        unconfirmedNeeds += 1;
      }
      // Quantities pool only within one dimension (kg with t, sheets with reams, units with boxes of N).
      const state = columns.quantityState[r] as number;
      if (state === NO_QUANTITY) missingQuantities += 1;
      else if (state < 0) reasons.add(columns.quantityReasons[-2 - state] as string);
      else {
        baseUnits.add(state);
        memberQuantity += columns.baseQuantity[r] as number;
      }
    }
    amount += memberAmount;
    const org = organizations[o] as Organization;
    members.push({
      organizationId: org.id,
      siret: org.siret,
      siren: orgSirens[o] as string,
      name: org.name,
      kind: org.kind,
      annualAmountCents: memberAmount,
      share: 0.5, // set below, once the pooled amount is known
      quantity: memberQuantity,
      needIds: needIdsOf(columns.ids, order, runStart, runEnd),
      isConfirmed,
    });
    runStart = runEnd;
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
      ? countFr(missingQuantities, 'besoin sans quantité', 'besoins sans quantité')
      : reasons.size > 0
        ? ([...reasons].sort()[0] as string)
        : units.length > 1
          ? `unités incompatibles (${units
              .sort()
              .map((u) => UNITS[u].labelFr)
              .join(' et ')})`
          : null;
  const baseUnit: UnitCode | null = units.length === 1 ? (units[0] as UnitCode) : null;
  const hasQuantity = quantityIssue === null && baseUnit !== null;
  for (const m of members) {
    m.share = amount > 0 ? m.annualAmountCents / amount : 1 / members.length;
    if (!hasQuantity) m.quantity = null;
  }
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
    poolability: options.assessPoolability({ cpvBreakdown, familyCpvCodes: family.cpvCodes }),
    explanation: '',
  };
  return {
    ...opportunity,
    explanation: explainOpportunity({
      opportunity,
      needCount: to - from,
      unconfirmedNeeds,
      quantityIssue,
      familyIndex: options.familyIndex,
      leftOut: options.leftOut,
      scopeNote: options.scopeNote,
    }),
  };
}

/** Ids of the needs at positions `from` … `to − 1`, sorted. */
function needIdsOf(ids: readonly string[], order: Int32Array, from: number, to: number): string[] {
  const result = new Array<string>(to - from);
  for (let r = from; r < to; r += 1) result[r - from] = ids[order[r] as number] as string;
  return result.length > 1 ? result.sort() : result;
}

/** `quantityState` of a need without a quantity (or unit); -2 − k is `quantityReasons[k]`, ≥ 0 a base unit index. */
export const NO_QUANTITY = -1;
