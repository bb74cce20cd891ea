import { CPV_LEVELS } from '../cpv/cpv-code';
import type { PurchaseFamily } from '../domain/types';
import { createFamilyResolver } from './family-resolver';

export interface FamilyMembershipOptions {
  families: readonly PurchaseFamily[];
  /** What a groupement stores: a purchase family's id, or `cpv:<level>:<code>` for a CPV level. */
  familyId: string;
}

/**
 * Whether a need or contract (CPV code and label) falls in the family a groupement stores, by the
 * same rule as the pooling analysis (`createFamilyResolver`): user families first, then the CPV level.
 */
export function createFamilyMembership({
  families,
  familyId,
}: FamilyMembershipOptions): (item: { cpvCode: string; label: string }) => boolean {
  const [prefix, level] = familyId.split(':');
  const cpvLevel = CPV_LEVELS.find((l) => prefix === 'cpv' && l === level);
  // A user family resolves the same at any level: the level only names the CPV families.
  const resolver = createFamilyResolver({ families, level: cpvLevel ?? 'class' });
  const key = cpvLevel ? familyId : `famille:${familyId}`;
  return (item) => resolver.families[resolver.resolve(item.cpvCode, item.label)]?.key === key;
}
