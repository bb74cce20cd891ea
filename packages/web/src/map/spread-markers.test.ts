import { describe, expect, it } from 'vitest';
import { spreadMarkers } from './spread-markers';

describe('spreadMarkers', () => {
  it('keeps a lone point where it is and moves the others sharing its position apart', () => {
    const shown = spreadMarkers([
      { id: 'a', position: [0.2, 45.7] },
      { id: 'b', position: [0.2, 45.7] },
      { id: 'c', position: [0.2, 45.7] },
      { id: 'd', position: [7.5, 48.6] },
    ]).map((p) => p.shown);
    expect(shown[0]).toEqual([0.2, 45.7]);
    expect(shown[3]).toEqual([7.5, 48.6]);
    expect(new Set(shown.map((s) => s.join(','))).size).toBe(4);
  });
});
