import { describe, expect, it } from 'vitest';
import { checkInseeCode, departementCentroid, getDepartement, haversineKm } from './communes';

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

describe('département names after « de »', () => {
  // INSEE's TNCC for each (COG, as shipped by @etalab/decoupage-administratif): 67 Bas-Rhin 2, 16 Charente 3,
  // 40 Landes 4, 01 Ain 5, 28 Eure-et-Loir 1, 75 Paris 0, 974 La Réunion 0 (the article is part of the name).
  it.each([
    ['67', 'du Bas-Rhin'],
    ['16', 'de la Charente'],
    ['40', 'des Landes'],
    ['01', 'de l’Ain'],
    ['28', 'd’Eure-et-Loir'],
    ['75', 'de Paris'],
    ['974', 'de La Réunion'],
  ])('%s → %s', (code, expected) => {
    expect(getDepartement(code)?.ofName).toBe(expected);
  });
});
