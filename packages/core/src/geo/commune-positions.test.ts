import { describe, expect, it } from 'vitest';
import geoData from '../reference/geo.json' with { type: 'json' };
import { communePosition, placeCommune } from './commune-positions';
import { departementCentroid, haversineKm } from './communes';

describe('communePosition', () => {
  it('places Strasbourg, Colmar and Angoulême within 3 km of their town halls', () => {
    // Town halls read off the IGN map: Strasbourg 7.7497, 48.5818; Colmar 7.3558, 48.0778; Angoulême 0.1560, 45.6484.
    // A bounding-box centre is not the town hall: a few kilometres is the expected gap.
    expect(haversineKm(communePosition('67482')!, [7.7497, 48.5818])).toBeLessThan(3);
    expect(haversineKm(communePosition('68066')!, [7.3558, 48.0778])).toBeLessThan(5);
    expect(haversineKm(communePosition('16015')!, [0.156, 45.6484])).toBeLessThan(3);
  });

  it('puts nearly every metropolitan commune within 150 km of its département centroid', () => {
    // A decoding error (a wrong running sum) would throw every later commune far off.
    // Metropolitan départements have 2-character codes (01…95, 2A, 2B).
    const rows = (geoData.communes as string[][]).filter((c) => (c[2] as string).length === 2);
    const far = rows.filter(([code, , dep]) => {
      const point = communePosition(code as string);
      const centroid = departementCentroid(dep as string);
      return !point || !centroid || haversineKm(point, centroid) > 150;
    });
    expect(rows.length).toBeGreaterThan(34_000);
    expect(far.length / rows.length).toBeLessThan(0.001);
  });

  it('falls back to the département centroid for a commune without a point', () => {
    // Sannerville (14666) was restored in 2025 after a merger: absent from the 2017 contours.
    expect(communePosition('14666')).toBeUndefined();
    expect(placeCommune('14666')).toEqual({ position: departementCentroid('14'), basis: 'departement' });
    expect(placeCommune('67482')?.basis).toBe('commune');
    expect(placeCommune('99999')).toBeUndefined();
  });
});
