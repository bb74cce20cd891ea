import { describe, expect, it } from 'vitest';
import { checkInseeCode, departementCentroid, haversineKm } from './communes';

describe('checkInseeCode', () => {
  it('gives département, région and EPCI of Strasbourg', () => {
    const r = checkInseeCode('67482');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.commune).toMatchObject({ name: 'Strasbourg', departementCode: '67', regionCode: '44', epciSiren: '246700488' });
  });
  it('accepts Corsican codes', () => {
    expect(checkInseeCode('2A004').ok).toBe(true);
  });
  it('refuses unknown and malformed codes', () => {
    expect(checkInseeCode('67999').ok).toBe(false);
    expect(checkInseeCode('6748').ok).toBe(false);
  });
});

describe('distances', () => {
  it('puts the Bas-Rhin and Haut-Rhin centroids 50–120 km apart', () => {
    const d = haversineKm(departementCentroid('67')!, departementCentroid('68')!);
    expect(d).toBeGreaterThan(50);
    expect(d).toBeLessThan(120);
  });
});
