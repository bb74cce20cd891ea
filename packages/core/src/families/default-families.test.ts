import { describe, expect, it } from 'vitest';
import { checkCpv, isCpvUnder } from '../cpv';
import { resolveSavingsCalibration } from '../savings';
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

  it('keeps elasticities ordered, within [0, 0.33], low at 0 and marked as modelling assumptions', () => {
    for (const { elasticity } of DEFAULT_FAMILIES) {
      // A randomised trial found no saving (Petersen, Jensen & Bhatti 2022): the low scenario has none.
      expect(elasticity.low).toBe(0);
      expect(elasticity.low).toBeLessThanOrEqual(elasticity.central);
      expect(elasticity.central).toBeLessThanOrEqual(elasticity.high);
      expect(elasticity.high).toBeLessThanOrEqual(0.33);
      expect(elasticity.provenance).toMatch(/^Hypothèse de modélisation modifiable/);
      expect(elasticity.provenance).not.toMatch(/non publié/);
    }
  });

  it.each([
    ['fam-salt', 'salt', 0, 0],
    ['fam-paper', 'paper', 0, 0.03],
    ['fam-office-supplies', 'office-supplies', 0.05, 0.1],
    ['fam-ppe-gloves', 'ppe', 0.05, 0.08],
    ['fam-health-booklets', 'printed-matter', 0.1, 0.2],
    ['fam-hand-sanitizer', 'hand-sanitizer', 0.05, 0.1],
  ])('takes %s’s elasticity from its calibration %s', (id, calibrationId, central, high) => {
    const family = DEFAULT_FAMILIES.find((f) => f.id === id);
    expect(resolveSavingsCalibration({ familyId: id, cpvCodes: [], label: '' }).id).toBe(calibrationId);
    expect(family?.elasticity).toMatchObject({ low: 0, central, high });
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
