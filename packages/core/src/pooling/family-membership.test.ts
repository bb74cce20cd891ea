import { describe, expect, it } from 'vitest';
import { DEFAULT_FAMILIES } from '../families/default-families';
import { createFamilyMembership } from './family-membership';

describe('createFamilyMembership', () => {
  it('places contracts in a purchase family by its CPV codes and keywords, as the pooling analysis does', () => {
    const isBooklet = createFamilyMembership({ families: DEFAULT_FAMILIES, familyId: 'fam-health-booklets' });
    expect(isBooklet({ cpvCode: '22458000', label: 'Impression de carnets' })).toBe(true);
    // Keyword « carnets de santé » pulls a contract with the broad code of printed matter (22000000) into the family.
    expect(isBooklet({ cpvCode: '22000000', label: 'Carnets de santé de l’enfant' })).toBe(true);
    expect(isBooklet({ cpvCode: '30197630', label: 'Papier A4' })).toBe(false);
  });

  it('places contracts in a CPV-level family by the code at that level, unless a purchase family claims them', () => {
    const isClass3019 = createFamilyMembership({ families: [], familyId: 'cpv:class:30190000' });
    expect(isClass3019({ cpvCode: '30192000', label: 'Fournitures de bureau' })).toBe(true);
    expect(isClass3019({ cpvCode: '30210000', label: 'Ordinateurs' })).toBe(false);
    const claimed = createFamilyMembership({ families: DEFAULT_FAMILIES, familyId: 'cpv:class:30190000' });
    expect(claimed({ cpvCode: '30192000', label: 'Fournitures de bureau' })).toBe(false);
  });
});
