import { describe, expect, it } from 'vitest';
import { resolveCells } from './resolve-cells';
import { buildOrganization } from './test-builders';

// Commune points [lon, lat] (core/reference/commune-positions.json): Strasbourg 7.77 48.57,
// Mulhouse 7.32 47.75, Bordeaux -0.58 44.86. Great-circle: Strasbourg–Mulhouse ≈ 97 km,
// Strasbourg–Bordeaux ≈ 750 km.
const strasbourg = buildOrganization({ id: 'a', inseeCode: '67482', departementCode: '67', regionCode: '44' });
const mulhouse = buildOrganization({ id: 'b', inseeCode: '68224', departementCode: '68', regionCode: '44' });
const bordeaux = buildOrganization({ id: 'c', inseeCode: '33063', departementCode: '33', regionCode: '75' });
const merignac = buildOrganization({ id: 'd', inseeCode: '33281', departementCode: '33', regionCode: '75' });
const positions = {
  a: [7.77, 48.57],
  b: [7.32, 47.75],
  c: [-0.58, 44.86],
  d: [-0.65, 44.84],
} as const;

describe('resolveCells with a largest span', () => {
  it('keeps a two-département territory within 200 km as one zone', () => {
    const { cells, cellOf, split } = resolveCells({
      organizations: [strasbourg, mulhouse],
      scope: { kind: 'territory' },
      positions,
      maxSpanKm: 200,
    });
    expect(cellOf.get('a')).toBe(cellOf.get('b'));
    expect(cells[cellOf.get('a') ?? -1]?.label).toBe('tout le territoire');
    expect(split ?? []).toEqual([]);
  });

  it('pools a country-wide territory per département, never « sur tout le territoire »', () => {
    const { cells, cellOf, split } = resolveCells({
      organizations: [strasbourg, mulhouse, bordeaux, merignac],
      scope: { kind: 'territory' },
      positions,
      maxSpanKm: 200,
    });
    const labelOf = (id: string) => cells[cellOf.get(id) ?? -1];
    expect(['a', 'b', 'c', 'd'].map((id) => labelOf(id)?.code)).toEqual(['dep-67', 'dep-68', 'dep-33', 'dep-33']);
    expect(labelOf('a')).toEqual({ scope: 'departement', code: 'dep-67', label: 'Bas-Rhin' });
    expect(split).toHaveLength(1);
    // The farthest pair found is Strasbourg–Bordeaux or Strasbourg–Mérignac, about 750 km.
    expect(split?.[0]?.spanKm).toBeGreaterThan(700);
    expect(split?.[0]?.spanKm).toBeLessThan(800);
  });

  it('splits only the wide régions of a région scope', () => {
    // Région 44 holds Strasbourg and Mulhouse (97 km); région 75 the two Gironde communes (6 km).
    const { cellOf, split } = resolveCells({
      organizations: [strasbourg, mulhouse, bordeaux, merignac],
      scope: { kind: 'region' },
      positions,
      maxSpanKm: 50,
    });
    expect(cellOf.get('a')).not.toBe(cellOf.get('b'));
    expect(cellOf.get('c')).toBe(cellOf.get('d'));
    expect(split?.map((s) => s.label)).toEqual(['région 44']);
  });

  it('pools a buyer the data does not place with no one', () => {
    const nowhere = buildOrganization({ id: 'e', inseeCode: '', departementCode: '', regionCode: '', name: 'Acheteur sans lieu' });
    const elsewhere = buildOrganization({ id: 'f', inseeCode: '', departementCode: '', regionCode: '' });
    const { cells, cellOf } = resolveCells({
      organizations: [strasbourg, bordeaux, nowhere, elsewhere],
      scope: { kind: 'territory' },
      positions,
      maxSpanKm: 200,
    });
    expect(cellOf.get('e')).not.toBe(cellOf.get('f'));
    expect(cells[cellOf.get('e') ?? -1]?.label).toBe('Acheteur sans lieu (lieu inconnu)');
  });

  it('leaves département and EPCI scopes alone', () => {
    const { split } = resolveCells({ organizations: [strasbourg, bordeaux], scope: { kind: 'departement' }, positions, maxSpanKm: 10 });
    expect(split).toBeUndefined();
  });

  it('measures only the buyers: a far firm without needs does not split the territory', () => {
    const { cellOf, split } = resolveCells({
      organizations: [strasbourg, mulhouse, bordeaux],
      scope: { kind: 'territory' },
      positions,
      maxSpanKm: 200,
      buyerIds: new Set(['a', 'b']),
    });
    expect(cellOf.get('a')).toBe(cellOf.get('b'));
    expect(split).toEqual([]);
  });
});
