import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canDisclose } from './decide-disclosure';
import { viewerActingFor } from './disclosure-viewer';

/**
 * The attacker's view: every sum it is shown is a 0/1 vector over the organizations; subtracting
 * its own amounts, it knows the rows restricted to the other organizations. One other
 * organization's amount can be computed exactly when a unit vector lies in the span of those rows
 * (Gaussian elimination over the rationals; small integers here, so floating point is exact enough
 * with a tolerance).
 */
function isolatesOne(rows: readonly number[][], width: number): boolean {
  const matrix = rows.map((r) => [...r]);
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < width && rank < matrix.length; col += 1) {
    const pivot = matrix.findIndex((r, i) => i >= rank && Math.abs(r[col] ?? 0) > 1e-9);
    if (pivot < 0) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot] as number[], matrix[rank] as number[]];
    const p = matrix[rank] as number[];
    const lead = p[col] as number;
    for (let j = 0; j < width; j += 1) p[j] = (p[j] as number) / lead;
    for (let i = 0; i < matrix.length; i += 1) {
      if (i === rank) continue;
      const row = matrix[i] as number[];
      const factor = row[col] as number;
      if (Math.abs(factor) > 1e-9) for (let j = 0; j < width; j += 1) row[j] = (row[j] as number) - factor * (p[j] as number);
    }
    pivots.push(col);
    rank += 1;
  }
  // In reduced row-echelon form, a unit vector e_k is in the span iff some row is exactly e_k.
  return matrix.slice(0, rank).some((row) => row.filter((v) => Math.abs(v) > 1e-9).length === 1);
}

const ORGANIZATIONS = ['me', 'b', 'c', 'd', 'e', 'f'];
const OTHERS = ORGANIZATIONS.slice(1);
const subsetOf = (mask: number) => ORGANIZATIONS.filter((_, i) => (mask >> i) & 1);
const rowOf = (ids: readonly string[]) => OTHERS.map((o) => (ids.includes(o) ? 1 : 0));

describe('the disclosure rule against a member combining what it is shown', () => {
  it('never lets it compute one other organization’s amount from an opportunity and any number of scenarios it asks for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 63 }), fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 12 }), (baseMask, masks) => {
        const viewer = viewerActingFor(['me']);
        const base = subsetOf(baseMask);
        const rows: number[][] = [];
        if (canDisclose(viewer, { kind: 'aggregate', contributorIds: base })) rows.push(rowOf(base));
        for (const mask of masks) {
          const after = subsetOf(mask);
          if (canDisclose(viewer, { kind: 'what_if', beforeIds: base, afterIds: after })) rows.push(rowOf(base), rowOf(after));
        }
        expect(isolatesOne(rows, OTHERS.length)).toBe(false);
      }),
    );
  });

  it('never lets it compute one other organization’s amount from a groupement and the opportunity it came from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 63 }), fc.integer({ min: 1, max: 63 }), (opportunityMask, groupementMask) => {
        const viewer = viewerActingFor(['me']);
        const opportunity = subsetOf(opportunityMask);
        const groupement = subsetOf(groupementMask);
        const rows: number[][] = [];
        if (canDisclose(viewer, { kind: 'aggregate', contributorIds: opportunity })) rows.push(rowOf(opportunity));
        const figure = { kind: 'aggregate' as const, contributorIds: groupement, relatedContributorIds: [opportunity] };
        if (canDisclose(viewer, figure)) rows.push(rowOf(groupement));
        expect(isolatesOne(rows, OTHERS.length)).toBe(false);
      }),
    );
  });

  it('finds the leak the rule prevents: without it, total − scenario gives the member who left', () => {
    // Independent check of the checker itself: {me, b, c} and {me, c} shown → b = difference.
    expect(isolatesOne([rowOf(['me', 'b', 'c']), rowOf(['me', 'c'])], OTHERS.length)).toBe(true);
    expect(isolatesOne([rowOf(['me', 'b', 'c'])], OTHERS.length)).toBe(false);
  });
});
