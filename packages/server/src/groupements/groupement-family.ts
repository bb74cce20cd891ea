import { type AnalysedOpportunity, getCpv, type PurchaseFamily } from '@mutualis/core';

/** What a groupement buys: the family's name and CPV codes. */
export interface GroupementFamily {
  name: string;
  cpvCodes: string[];
}

/**
 * The `familyId` a groupement stores for an opportunity: the purchase family's id, or the CPV
 * family key (`cpv:<level>:<code>`) when the opportunity is a CPV level of the hierarchy.
 */
export function familyIdOf(opportunity: AnalysedOpportunity): string {
  return opportunity.family.familyId ?? opportunity.family.key;
}

/** Resolves a stored `familyId` against the territory's families (or the CPV catalogue for a CPV key). */
export function resolveGroupementFamily(familyId: string, families: readonly PurchaseFamily[]): GroupementFamily {
  const family = families.find((f) => f.id === familyId);
  if (family) return { name: family.name, cpvCodes: [...family.cpvCodes] };
  const code = familyId.startsWith('cpv:') ? (familyId.split(':')[2] ?? '') : '';
  if (code === '') return { name: familyId, cpvCodes: [] };
  const fullCode = code.padEnd(8, '0');
  return { name: getCpv(fullCode)?.labelFr ?? `CPV ${code}`, cpvCodes: [fullCode] };
}

/** The opportunity of the analysis a groupement came from: same family, most members in common. */
export function findGroupementOpportunity(
  opportunities: readonly AnalysedOpportunity[],
  groupement: { familyId: string; memberIds: readonly string[] },
): AnalysedOpportunity | undefined {
  const members = new Set(groupement.memberIds);
  const overlap = (o: AnalysedOpportunity) => o.members.filter((m) => members.has(m.organizationId)).length;
  return opportunities
    .filter((o) => familyIdOf(o) === groupement.familyId && overlap(o) > 0)
    .sort((a, b) => overlap(b) - overlap(a) || a.rank - b.rank)[0];
}
