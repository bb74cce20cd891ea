import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpvSignificantDigits, isCpvUnder } from '../cpv/cpv-code';
import { haversineKm } from '../geo/communes';
import { UNITS } from '../units/units';
import { designLots } from './design-lots';
import { explainLotFirms } from './explain-lot-firms';
import { buildTestSites } from './test-builders';
import type { DemandUnit, DesignLotsOptions, LotFirm, LotSite } from './types';

// Brute force, derived independently of the DP: enumerate every structure of the class (keep a
// node whole, or cut it into the children of one hierarchy and recurse), evaluate each lot from
// the definitions, then keep the non-dominated (savings, accessible share) pairs.

const CPVS = [
  { code: '33741300', unit: 'L' as const },
  { code: '33741100', unit: 'L' as const },
  { code: '33711900', unit: 'L' as const },
  { code: '34927100', unit: 'kg' as const },
];
const SITES = buildTestSites(['16015', '16102', '16070', '67482']);
const B = 0.2;

function geoPath(site: LotSite): string[] {
  return ['T', `D:${site.departementCode}`, ...(site.epciCode ? [`E:${site.epciCode}`] : []), `C:${site.code}`];
}
function productPath(cpv: string): string[] {
  const digits = cpvSignificantDigits(cpv);
  return ['*', ...[2, 3, 4, 5].filter((d) => d <= digits).map((d) => cpv.slice(0, d)), `=${cpv}`];
}

function enumerate(units: DemandUnit[], g: number, p: number): DemandUnit[][][] {
  const site = (u: DemandUnit) => SITES.find((s) => s.code === u.siteCode) as LotSite;
  // Distinct structures only: a cut into a single child reaches the same structures again.
  const results = new Map<string, DemandUnit[][]>([[structureKey([units]), [units]]]);
  for (const [path, depth, next] of [
    [(u: DemandUnit) => geoPath(site(u)), g, (group: DemandUnit[]) => enumerate(group, g + 1, p)],
    [(u: DemandUnit) => productPath(u.cpvCode), p, (group: DemandUnit[]) => enumerate(group, g, p + 1)],
  ] as const) {
    const first = units[0] as DemandUnit;
    if (path(first).length <= depth + 1) continue;
    const groups = new Map<string, DemandUnit[]>();
    for (const u of units) groups.set(path(u)[depth + 1] as string, [...(groups.get(path(u)[depth + 1] as string) ?? []), u]);
    let combos: DemandUnit[][][] = [[]];
    for (const group of groups.values()) {
      const subs = next(group);
      const grown: DemandUnit[][][] = [];
      for (const c of combos) for (const sub of subs) grown.push([...c, ...sub]);
      combos = grown;
    }
    for (const c of combos) results.set(structureKey(c), c);
  }
  return [...results.values()];
}

function structureKey(structure: DemandUnit[][]): string {
  return structure
    .map((lot) =>
      lot
        .map((u) => u.id)
        .sort()
        .join(','),
    )
    .sort()
    .join('|');
}

function isEligible(firm: LotFirm, lot: DemandUnit[]): boolean {
  const load = new Map<number, number>();
  for (const u of lot) {
    const site = SITES.find((s) => s.code === u.siteCode) as LotSite;
    if (haversineKm(firm.position, site.position) > firm.deliveryRadiusKm) return false;
    const covering = firm.offers
      .map((o, i) => ({
        i,
        digits: o.cpvCode.replace(/0+$/, '').length,
        ok: isCpvUnder(u.cpvCode, o.cpvCode) || isCpvUnder(o.cpvCode, u.cpvCode),
      }))
      .filter((o) => o.ok)
      .sort((a, b) => b.digits - a.digits || a.i - b.i)[0];
    if (!covering) return false;
    load.set(covering.i, (load.get(covering.i) ?? 0) + u.volume);
  }
  return [...load].every(([i, v]) => v <= (firm.offers[i]?.freeCapacity ?? 0) * (1 + 1e-9));
}

function bruteForce(demand: DemandUnit[], firms: LotFirm[], k: number) {
  const dims = new Set(demand.map((d) => UNITS[d.unit].dimension));
  const weight = (u: DemandUnit) => (dims.size <= 1 ? u.volume : u.amountCents);
  const total = demand.reduce((s, u) => s + weight(u), 0);
  const evaluate = (structure: DemandUnit[][]) => {
    let savings = 0;
    let accessible = 0;
    let allAccessible = true;
    for (const lot of structure) {
      for (const u of lot) {
        const v = lot.filter((x) => UNITS[x.unit].dimension === UNITS[u.unit].dimension).reduce((s, x) => s + x.volume, 0);
        if (u.volume > 0) savings += u.amountCents * (1 - (v / u.volume) ** -B);
      }
      const ok = firms.filter((f) => isEligible(f, lot)).length >= k;
      if (ok) accessible += lot.reduce((s, u) => s + weight(u), 0);
      else allAccessible = false;
    }
    return { savings: Math.round(savings), share: total > 0 ? accessible / total : 0, allAccessible };
  };
  const points = enumerate(demand, 0, 0).map(evaluate);
  const frontier = pareto(points.map((p) => [p.savings, p.share] as [number, number]));
  const best = points.filter((p) => p.allAccessible).reduce((m, p) => Math.max(m, p.savings), Number.NEGATIVE_INFINITY);
  return { frontier, best, structureCount: points.length };
}

function pareto(points: [number, number][]): [number, number][] {
  const sorted = [...points].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  const kept: [number, number][] = [];
  for (const p of sorted) if (kept.length === 0 || p[1] > (kept[kept.length - 1] as [number, number])[1] + 1e-9) kept.push(p);
  return kept;
}

const arbDemand = fc
  .uniqueArray(fc.record({ site: fc.integer({ min: 0, max: SITES.length - 1 }), cpv: fc.integer({ min: 0, max: CPVS.length - 1 }) }), {
    minLength: 1,
    maxLength: 6,
    selector: (r) => `${r.site}-${r.cpv}`,
  })
  .chain((cells) =>
    fc.tuple(
      fc.constant(cells),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 900_000 })), {
        minLength: cells.length,
        maxLength: cells.length,
      }),
    ),
  )
  .map(([cells, values]) =>
    cells.map((c, i): DemandUnit => {
      const cpv = CPVS[c.cpv] as (typeof CPVS)[number];
      const [volume, amount] = values[i] as [number, number];
      return { id: `d${i}`, siteCode: (SITES[c.site] as LotSite).code, cpvCode: cpv.code, unit: cpv.unit, volume, amountCents: amount };
    }),
  );
const arbFirms = fc.array(
  fc.record({
    near: fc.integer({ min: 0, max: SITES.length - 1 }),
    dLon: fc.double({ min: -0.4, max: 0.4, noNaN: true }),
    dLat: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    radius: fc.integer({ min: 5, max: 150 }),
    offers: fc.array(
      fc.record({
        cpv: fc.constantFrom('33741300', '33741100', '33711900', '34927100', '33700000', '33740000'),
        cap: fc.integer({ min: 0, max: 20000 }),
      }),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
  }),
  { maxLength: 6 },
);
type RawFirm = { near: number; dLon: number; dLat: number; radius: number; offers: { cpv: string; cap: number }[] };
const toFirms = (raw: readonly RawFirm[]): LotFirm[] =>
  raw.map((f, i) => ({
    id: `f${i}`,
    position: [(SITES[f.near] as LotSite).position[0] + f.dLon, (SITES[f.near] as LotSite).position[1] + f.dLat],
    deliveryRadiusKm: f.radius,
    offers: f.offers.map((o) => ({ cpvCode: o.cpv, freeCapacity: o.cap })),
  }));

const run = (demand: DemandUnit[], firms: LotFirm[], k: number, extra: Partial<DesignLotsOptions> = {}) => {
  const r = designLots({ sites: SITES, demand, firms, minEligibleFirms: k, elasticity: B, ...extra });
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('designLots invariants', () => {
  it('matches brute-force enumeration of every structure of the class (frontier and best all-accessible savings)', () => {
    let richRuns = 0;
    fc.assert(
      fc.property(arbDemand, arbFirms, fc.integer({ min: 1, max: 3 }), (demand, rawFirms, k) => {
        const firms = toFirms(rawFirms);
        const r = run(demand, firms, k);
        const brute = bruteForce(demand, firms, k);
        expect(r.isFrontierApproximate).toBe(false);
        const got = pareto(r.frontier.map((s) => [s.savingsCents, s.accessibleShare]));
        expect(got.length).toBe(brute.frontier.length);
        if (got.length > 1 && brute.structureCount > 2) richRuns += 1;
        got.forEach((p, i) => {
          const q = brute.frontier[i] as [number, number];
          expect(Math.abs(p[0] - q[0])).toBeLessThanOrEqual(1);
          expect(p[1]).toBeCloseTo(q[1], 9);
        });
        if (r.recommendedReason === 'all_accessible') expect(Math.abs(r.recommended.savingsCents - brute.best)).toBeLessThanOrEqual(1);
        else expect(brute.best).toBe(Number.NEGATIVE_INFINITY);
      }),
      { numRuns: 150 },
    );
    // The generator must produce real trade-offs, or the comparison proves little.
    expect(richRuns).toBeGreaterThan(10);
  });

  it('partitions the demand exactly in every frontier structure, and the frontier is non-dominated', () => {
    fc.assert(
      fc.property(arbDemand, arbFirms, (demand, rawFirms) => {
        const r = run(demand, toFirms(rawFirms), 2);
        for (const s of [...r.frontier, r.recommended, r.singleLot]) {
          const ids = s.lots.flatMap((l) => l.demandUnitIds).sort();
          expect(ids).toEqual(demand.map((d) => d.id).sort());
          for (const unit of ['L', 'kg'] as const) {
            const expected = demand.filter((d) => d.unit === unit).reduce((sum, d) => sum + d.volume, 0);
            expect(s.lots.reduce((sum, l) => sum + (l.volumes[unit] ?? 0), 0)).toBeCloseTo(expected, 6);
          }
        }
        for (const a of r.frontier) {
          for (const b of r.frontier) {
            const dominates =
              b.savingsCents >= a.savingsCents &&
              b.accessibleShare >= a.accessibleShare &&
              (b.savingsCents > a.savingsCents || b.accessibleShare > a.accessibleShare);
            if (a !== b) expect(dominates).toBe(false);
          }
        }
        // The single lot is a candidate: on the frontier or weakly dominated by a frontier point.
        expect(r.frontier.some((s) => s.savingsCents >= r.singleLot.savingsCents && s.accessibleShare >= r.singleLot.accessibleShare)).toBe(
          true,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('never raises the savings of the best all-accessible structure when k rises', () => {
    fc.assert(
      fc.property(arbDemand, arbFirms, fc.integer({ min: 0, max: 3 }), (demand, rawFirms, k) => {
        const firms = toFirms(rawFirms);
        const best = (kk: number) => {
          const r = run(demand, firms, kk);
          return r.recommendedReason === 'all_accessible' ? r.recommended.savingsCents : Number.NEGATIVE_INFINITY;
        };
        expect(best(k + 1)).toBeLessThanOrEqual(best(k));
      }),
      { numRuns: 150 },
    );
  });

  it('explains every lot with the same verdict designLots reached for each firm', () => {
    fc.assert(
      fc.property(arbDemand, arbFirms, (demand, rawFirms) => {
        const firms = toFirms(rawFirms);
        const r = run(demand, firms, 2);
        const assessed = firms.map((firm) => ({ firm, name: firm.id, positionBasis: 'commune' as const, rejectedProducers: [] }));
        for (const s of [...r.frontier, r.singleLot]) {
          for (const lot of s.lots) {
            const verdicts = explainLotFirms({ demandUnitIds: lot.demandUnitIds, demand, sites: SITES, assessed, competences: [] });
            expect(verdicts).toHaveLength(firms.length);
            const eligible = verdicts.filter((v) => v.isEligible);
            expect(eligible.map((v) => v.firmId).sort()).toEqual([...lot.eligibleFirmIds].sort());
            for (const v of eligible) expect(v.explanation).toMatch(/^Éligible : /);
            for (const v of verdicts.filter((x) => !x.isEligible)) expect(v.explanation).toMatch(/^Non éligible : /);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
