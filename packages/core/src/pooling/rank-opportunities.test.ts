import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POOLABILITY_TIERS } from './assess-poolability';
import { detectOpportunities } from './detect-opportunities';
import { rankOpportunities } from './rank-opportunities';
import { buildNeed, buildOrganization } from './test-builders';

const organizations = ['o1', 'o2', 'o3', 'o4'].map((id, i) => buildOrganization({ id, departementCode: i < 2 ? '67' : '68' }));
// One code per tier: insurance (proven), road salt (recurring), cars (occasional), road works and architecture (rare).
const CODES = ['66516400', '34927100', '34110000', '45233140', '71240000'];

const needsArb = fc.array(
  fc.record({ org: fc.integer({ min: 0, max: 3 }), cpv: fc.constantFrom(...CODES), amount: fc.integer({ min: 0, max: 10_000_000 }) }),
  { maxLength: 30 },
);

const detect = (rows: { org: number; cpv: string; amount: number }[]) =>
  detectOpportunities({
    organizations,
    needs: rows.map((r, i) => buildNeed({ id: `n${i}`, organizationId: `o${r.org + 1}`, cpvCode: r.cpv, annualAmountCents: r.amount })),
    families: [],
    scope: { kind: 'departement' },
    familyLevel: 'class',
    confirmedOnly: false,
  }).opportunities;

describe('rankOpportunities', () => {
  it('never puts a less poolable tier before a more poolable one, and orders each tier by amount', () => {
    fc.assert(
      fc.property(needsArb, (rows) => {
        const ranked = detect(rows);
        for (let i = 1; i < ranked.length; i += 1) {
          const [a, b] = [ranked[i - 1], ranked[i]];
          if (a === undefined || b === undefined) continue;
          const [ta, tb] = [POOLABILITY_TIERS.indexOf(a.poolability.tier), POOLABILITY_TIERS.indexOf(b.poolability.tier)];
          expect(ta).toBeLessThanOrEqual(tb);
          if (ta === tb) expect(a.annualAmountCents).toBeGreaterThanOrEqual(b.annualAmountCents);
        }
      }),
    );
  });

  it('gives the same ranking whatever the order it receives', () => {
    fc.assert(
      fc.property(needsArb, (rows) => {
        const ranked = detect(rows);
        expect(rankOpportunities([...ranked].reverse())).toEqual(ranked);
      }),
    );
  });
});
