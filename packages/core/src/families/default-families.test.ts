import { describe, expect, it } from 'vitest';
import { checkCpv, isCpvUnder } from '../cpv';
import { DEFAULT_FAMILIES } from './default-families';

describe('DEFAULT_FAMILIES', () => {
  it('has unique stable ids prefixed with fam-', () => {
    const ids = DEFAULT_FAMILIES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^fam-[a-z-]+$/);
  });

  it('ships the seed families and 4 to 6 other recurring ones', () => {
    const ids = DEFAULT_FAMILIES.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'fam-salt',
        'fam-health-booklets',
        'fam-ppe-gloves',
        'fam-office-supplies',
        'fam-paper',
        'fam-hand-sanitizer',
      ]),
    );
    expect(ids.length - 6).toBeGreaterThanOrEqual(4);
    expect(ids.length - 6).toBeLessThanOrEqual(6);
  });

  it.each(DEFAULT_FAMILIES.flatMap((f) => f.cpvCodes.map((code) => [f.id, code] as const)))('%s uses %s, a CPV 2008 code', (_id, code) => {
    expect(checkCpv(code)).toMatchObject({ ok: true, code });
  });

  it('belongs to no territory', () => {
    for (const family of DEFAULT_FAMILIES) expect(family.territoryId).toBeNull();
  });

  it('keeps elasticities ordered, within [0, 0.33] and with a provenance naming its source', () => {
    for (const { elasticity } of DEFAULT_FAMILIES) {
      expect(elasticity.low).toBeGreaterThanOrEqual(0);
      expect(elasticity.low).toBeLessThanOrEqual(elasticity.central);
      expect(elasticity.central).toBeLessThanOrEqual(elasticity.high);
      expect(elasticity.high).toBeLessThanOrEqual(0.33);
      expect(elasticity.provenance).toMatch(/Hypothèse par défaut|Bandiera/);
      expect(elasticity.provenance).toContain('0,329');
    }
  });

  it.each([
    ['fam-salt', 0, 0.03, 0.06],
    ['fam-paper', 0.03, 0.06, 0.1],
    ['fam-office-supplies', 0.05, 0.1, 0.15],
    ['fam-ppe-gloves', 0.04, 0.08, 0.12],
    ['fam-health-booklets', 0.1, 0.2, 0.3],
    ['fam-hand-sanitizer', 0.05, 0.1, 0.2],
  ])('uses the §8.2 defaults for %s', (id, low, central, high) => {
    expect(DEFAULT_FAMILIES.find((f) => f.id === id)?.elasticity).toMatchObject({ low, central, high });
  });

  it('keeps keywords lower-case', () => {
    for (const family of DEFAULT_FAMILIES) for (const keyword of family.keywords) expect(keyword).toBe(keyword.toLowerCase());
  });

  // Keeps family detection unambiguous: a code matches at most one default family.
  it('never lets one CPV code fall under two families', () => {
    const all = DEFAULT_FAMILIES.flatMap((f) => f.cpvCodes.map((code) => ({ id: f.id, code })));
    for (const a of all)
      for (const b of all) if (a.id !== b.id) expect(isCpvUnder(a.code, b.code), `${a.id}:${a.code} under ${b.id}:${b.code}`).toBe(false);
  });
});
