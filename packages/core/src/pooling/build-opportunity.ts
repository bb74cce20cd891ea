import type { Need, Organization } from '../domain/types';
import { sirenOf } from '../identity/siret';
import { toBaseQuantity, type UnitCode } from '../units/units';
import type { FamilyLeftOut } from './detect-opportunities';
import { explainOpportunity } from './explain-opportunity';
import type { FamilyRef } from './family-resolver';
import type { Opportunity, OpportunityMember } from './opportunity';
import type { Cell } from './resolve-cells';

export interface BuildOpportunityOptions {
  /** Need indices of the group. */
  rows: Int32Array;
  needs: readonly Need[];
  needOrg: Int32Array;
  organizations: readonly Organization[];
  /** Scratch array, -1 everywhere on entry and on return. */
  memberSlot: Int32Array;
  family: FamilyRef;
  familyIndex: number;
  cell: Cell;
  buyerCount: number;
  leftOut: FamilyLeftOut;
}

interface Accumulator {
  orgIndex: number;
  org: Organization;
  amount: number;
  quantity: number;
  needIds: string[];
  isConfirmed: boolean;
}

/** Builds one opportunity from its group of needs: members, exact pooled amount, harmonised quantity, explanation. */
export function buildOpportunity(options: BuildOpportunityOptions): Opportunity {
  const { rows, needs, needOrg, organizations, memberSlot, family, cell, buyerCount } = options;
  const accumulators: Accumulator[] = [];
  const baseUnits = new Set<UnitCode>();
  const reasons = new Set<string>();
  let missingQuantities = 0;
  let amount = 0;
  let unconfirmedNeeds = 0;
  const byCpv = new Map<string, number>();
  for (const r of rows) {
    const need = needs[r] as Need;
    const o = needOrg[r] as number;
    let slot = memberSlot[o] as number;
    if (slot < 0) {
      slot =
        accumulators.push({ orgIndex: o, org: organizations[o] as Organization, amount: 0, quantity: 0, needIds: [], isConfirmed: true }) -
        1;
      memberSlot[o] = slot;
    }
    const acc = accumulators[slot] as Accumulator;
    acc.amount += need.annualAmountCents;
    amount += need.annualAmountCents;
    byCpv.set(need.cpvCode, (byCpv.get(need.cpvCode) ?? 0) + need.annualAmountCents);
    acc.needIds.push(need.id);
    if (need.status !== 'confirmed') {
      acc.isConfirmed = false;
      unconfirmedNeeds += 1;
    }
    // Quantities pool only within one dimension (kg with t, sheets with reams, units with boxes of N).
    const base = need.quantity !== null && need.unit !== null ? toBaseQuantity(need.quantity, need.unit, need.unitsPerPack) : null;
    if (base === null) missingQuantities += 1;
    else if (!base.ok) reasons.add(base.reason);
    else {
      baseUnits.add(base.unit);
      acc.quantity += base.quantity;
    }
  }
  // Messages are built from counts and sorted sets so they do not depend on input order.
  const quantityIssue =
    missingQuantities > 0
      ? `${missingQuantities} besoin(s) sans quantité`
      : reasons.size > 0
        ? ([...reasons].sort()[0] as string)
        : baseUnits.size > 1
          ? `unités incompatibles (${[...baseUnits].sort().join(' et ')})`
          : null;
  const baseUnit: UnitCode | null = baseUnits.size === 1 ? ([...baseUnits][0] as UnitCode) : null;
  const hasQuantity = quantityIssue === null && baseUnit !== null;
  const members = accumulators
    .map((acc): OpportunityMember => {
      memberSlot[acc.orgIndex] = -1;
      return {
        organizationId: acc.org.id,
        siret: acc.org.siret,
        siren: sirenOf(acc.org.siret),
        name: acc.org.name,
        kind: acc.org.kind,
        annualAmountCents: acc.amount,
        share: amount > 0 ? acc.amount / amount : 1 / accumulators.length,
        quantity: hasQuantity ? acc.quantity : null,
        needIds: acc.needIds.sort(),
        isConfirmed: acc.isConfirmed,
      };
    })
    .sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
  const quantity = hasQuantity && baseUnit !== null ? { value: members.reduce((s, m) => s + (m.quantity ?? 0), 0), unit: baseUnit } : null;
  const opportunity: Opportunity = {
    id: `${family.key}@${cell.code}`,
    family,
    cell,
    members,
    annualAmountCents: amount,
    quantity,
    buyerCount,
    cpvBreakdown: [...byCpv]
      .map(([cpvCode, annualAmountCents]) => ({ cpvCode, annualAmountCents }))
      .sort((a, b) => b.annualAmountCents - a.annualAmountCents || (a.cpvCode < b.cpvCode ? -1 : 1)),
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
