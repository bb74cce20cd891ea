import { describe, expect, it } from 'vitest';
import { DEFAULT_FAMILIES } from '../families/default-families';
import { createFamilyResolver } from './family-resolver';

const shippedSalt = DEFAULT_FAMILIES.find((f) => f.id === 'fam-salt');
if (shippedSalt === undefined) throw new Error('fam-salt is shipped');

/** A family of territory T over the shipped salt family's exact code 34927100 (same CPV depth: a tie). */
const territorySalt = (id: string) => ({ ...shippedSalt, id, territoryId: 'T', name: 'Viabilité hivernale', keywords: [] });

describe('createFamilyResolver', () => {
  // Ids on both sides of « fam-salt »: random UUIDs fall on either side, so the id alone must not decide.
  it.each(['00000000-aaaa', 'ff000000-aaaa'])('gives a tie on CPV code to the territory’s family over the shipped one (id %s)', (id) => {
    const resolver = createFamilyResolver({ families: [shippedSalt, territorySalt(id)], level: 'class' });
    expect(resolver.families[resolver.resolve('34927100', 'Sel de déneigement')]?.key).toBe(`famille:${id}`);
  });

  it('keeps the most specific code first: a shipped family with a deeper code wins over the territory’s broader one', () => {
    const broad = { ...territorySalt('00000000-aaaa'), cpvCodes: ['34900000'] };
    const resolver = createFamilyResolver({ families: [shippedSalt, broad], level: 'class' });
    expect(resolver.families[resolver.resolve('34927100', 'Sel')]?.key).toBe('famille:fam-salt');
  });

  it('between two families of the territory tied on code, the smallest id', () => {
    const resolver = createFamilyResolver({ families: [territorySalt('b-family'), territorySalt('a-family')], level: 'class' });
    expect(resolver.families[resolver.resolve('34927100', 'Sel')]?.key).toBe('famille:a-family');
  });
});
