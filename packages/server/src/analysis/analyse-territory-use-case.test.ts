import { type AnalysedOpportunity, departementCentroid, haversineKm, placeCommune } from '@mutualis/core';
import { buildDemoTerritories } from '@mutualis/core/demo';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/test/dialects';
import { loadDemo } from '../demo/load-demo';
import { TerritoryVersions } from '../cache/territory-versions';
import { AnalysisCache } from './analysis-cache';
import { analyseTerritoryUseCase, type TerritoryAnalysis } from './analyse-territory-use-case';

const AT = '2026-12-01';

/** Issue 3 §8: the demo territories, loaded through the demo loader into a real database. */
forEachDialect('analyseTerritoryUseCase on the demo data', (t) => {
  let alsace: TerritoryAnalysis;
  let charente: TerritoryAnalysis;
  beforeAll(async () => {
    await loadDemo(t.m, buildDemoTerritories(AT));
    alsace = await analyseTerritoryUseCase({ repos: t.repos, territorySlug: 'alsace', at: AT });
    charente = await analyseTerritoryUseCase({ repos: t.repos, territorySlug: 'charente', at: AT });
  }, 60_000);

  const departementsOf = (analysis: TerritoryAnalysis, o: AnalysedOpportunity) =>
    new Set(o.members.map((m) => analysis.data.organizations.find((org) => org.id === m.organizationId)?.departementCode));

  it.each([
    ['de-icing salt', 'famille:fam-salt'],
    ['health and maternity booklets', 'famille:fam-health-booklets'],
    ['PPE and work gloves', 'famille:fam-ppe-gloves'],
    ['office supplies', 'famille:fam-office-supplies'],
    ['copy paper', 'famille:fam-paper'],
  ])('pools the Alsace %s across both départements under one coordinator who is a member', (_name, familyKey) => {
    const found = alsace.result.opportunities.filter((o) => o.family.key === familyKey);
    expect(found).toHaveLength(1);
    const [opportunity] = found as [AnalysedOpportunity];
    expect(departementsOf(alsace, opportunity)).toEqual(new Set(['67', '68']));
    expect(opportunity.members.map((m) => m.organizationId)).toContain(opportunity.coordinator.organizationId);
    expect(opportunity.annualAmountCents).toBe(opportunity.members.reduce((sum, m) => sum + m.annualAmountCents, 0));
  });

  it('groups the city and the hospital of Angoulême in one hand-rub gel opportunity in Charente', () => {
    const gel = charente.result.opportunities.find((o) => o.family.key === 'famille:fam-hand-sanitizer');
    expect(gel?.members.map((m) => m.name)).toEqual(expect.arrayContaining(['Ville d’Angoulême', 'Centre hospitalier d’Angoulême']));
  });

  it('pools a private member (L2113-6) with the city of Cognac: its gloves count in the pooled volume', () => {
    // Seed rows (packages/core/src/demo/charente.ts): Ville de Cognac 1 200 pairs × 3,10 € = 3 720 €; Embouteillage
    // des Charentes, an industrial firm (large company), 9 000 pairs × 2,65 € = 23 850 €; together 10 200 pairs, 27 570 €.
    const gloves = charente.result.opportunities.filter((o) => o.family.key === 'famille:fam-ppe-gloves');
    expect(gloves).toHaveLength(1);
    const [opportunity] = gloves as [AnalysedOpportunity];
    expect(opportunity.members.map((m) => m.name).sort()).toEqual(['Embouteillage des Charentes', 'Ville de Cognac']);
    expect(opportunity.annualAmountCents).toBe(2_757_000);
    expect(opportunity.quantity).toMatchObject({ value: 10_200 });
    expect(charente.data.organizations.find((o) => o.name === 'Embouteillage des Charentes')?.kind).toBe('large_company');
    // The bottler's 86,5 % share would make it coordinator on share alone; a private member is never proposed.
    expect(opportunity.members.find((m) => m.organizationId === opportunity.coordinator.organizationId)?.name).toBe('Ville de Cognac');
    const bottler = opportunity.coordinatorProposal.candidates.find((c) => c.name === 'Embouteillage des Charentes');
    expect(bottler?.ineligibleReason).toMatch(/L2113-6/);
  });

  it('pools within a distance between the members’ communes, not their départements’ centres', async () => {
    // Invariant of the distance scope: two members of one opportunity are at most `km` apart. Measured here
    // independently, between the commune points of the shipped reference (département centroid only when a
    // commune has none); with département centroids every Bas-Rhin member would sit at one point.
    const km = 25;
    const byDistance = await analyseTerritoryUseCase({ repos: t.repos, territorySlug: 'alsace', at: AT, scope: { kind: 'distance', km } });
    expect(byDistance.result.opportunities.length).toBeGreaterThan(0);
    const pointOf = (organizationId: string) => {
      const org = byDistance.data.organizations.find((o) => o.id === organizationId);
      return org ? (placeCommune(org.inseeCode)?.position ?? departementCentroid(org.departementCode)) : undefined;
    };
    for (const o of byDistance.result.opportunities)
      for (const a of o.members)
        for (const b of o.members) {
          const [pa, pb] = [pointOf(a.organizationId), pointOf(b.organizationId)];
          if (!pa || !pb) throw new Error('every demo organization has a position');
          expect(haversineKm(pa, pb), `${a.name} – ${b.name}`).toBeLessThanOrEqual(km + 1e-9);
        }
  });

  it('dates every procedure at a threshold version and keeps savings ranges ordered', () => {
    for (const o of alsace.result.opportunities) {
      expect(o.procedure.thresholdVersionId).toMatch(/^seuils-/);
      expect(o.savings.low).toBeLessThanOrEqual(o.savings.central);
      expect(o.savings.central).toBeLessThanOrEqual(o.savings.high);
    }
  });

  it('records the seed’s real coordinators as the facilitator’s choices and keeps the proposal beside them', () => {
    const coordinatorOf = (familyKey: string) => alsace.result.opportunities.find((o) => o.family.key === familyKey)?.coordinator;
    // Seed story: the Bas-Rhin coordinates salt, the Haut-Rhin the booklets, PPE, office supplies and paper.
    expect(coordinatorOf('famille:fam-salt')).toMatchObject({ name: 'Département du Bas-Rhin', isOverride: true });
    for (const key of ['famille:fam-health-booklets', 'famille:fam-ppe-gloves', 'famille:fam-office-supplies', 'famille:fam-paper'])
      expect(coordinatorOf(key)).toMatchObject({ name: 'Département du Haut-Rhin', isOverride: true });
    expect(alsace.overrides.every((o) => o.isApplied)).toBe(true);
    // With today's contracts (analysis of 2026-12-01) the Haut-Rhin enters the booklets contract only when its own ends:
    // the proposal differs and says why.
    const booklets = alsace.result.opportunities.find((o) => o.family.key === 'famille:fam-health-booklets');
    expect(booklets?.coordinatorProposal).toMatchObject({ name: 'Département du Bas-Rhin', differsFromChoice: true });
    expect(booklets?.coordinatorProposal.explanation).toMatch(
      /^Coordonnateur retenu par l’animateur du territoire : Département du Haut-Rhin ; attention : n’entre dans l’accord-cadre que le 1er juin 2028, après le démarrage\./,
    );
  });

  it('keeps a stored coordinator override when the analysis is recomputed', async () => {
    const salt = alsace.result.opportunities.find((o) => o.family.key === 'famille:fam-salt');
    const other = salt?.members.find((m) => m.organizationId !== salt.coordinator.organizationId);
    if (!salt || !other) throw new Error('the salt opportunity has at least two members');
    const territoryId = alsace.data.territory.id;
    const key = { territoryId, familyKey: salt.family.key, cellKey: null };
    await t.repos.coordinatorOverrides.upsert({ ...key, organizationId: other.organizationId });
    try {
      const again = await analyseTerritoryUseCase({ repos: t.repos, territorySlug: 'alsace', at: '2027-01-15' });
      const recomputed = again.result.opportunities.find((o) => o.id === salt.id);
      expect(recomputed?.coordinator).toMatchObject({ organizationId: other.organizationId, isOverride: true });
      expect(again.overrides).toContainEqual(
        expect.objectContaining({ familyKey: salt.family.key, organizationId: other.organizationId, isApplied: true }),
      );
    } finally {
      await t.repos.coordinatorOverrides.upsert({ ...key, organizationId: salt.coordinator.organizationId });
    }
  });

  it('applies a previewed override without storing it, and ignores one naming a non-member', async () => {
    const gel = charente.result.opportunities.find((o) => o.family.key === 'famille:fam-hand-sanitizer');
    const other = gel?.members.find((m) => m.organizationId !== gel.coordinator.organizationId);
    if (!gel || !other) throw new Error('the gel opportunity has at least two members');
    const outsider = charente.data.organizations.find((o) => !gel.members.some((m) => m.organizationId === o.id));
    const preview = await analyseTerritoryUseCase({
      repos: t.repos,
      territorySlug: 'charente',
      at: AT,
      overrides: [
        { familyKey: gel.family.key, cellKey: gel.cell.code, organizationId: other.organizationId },
        { familyKey: gel.family.key, cellKey: null, organizationId: outsider?.id ?? 'none' },
      ],
    });
    expect(preview.result.opportunities.find((o) => o.id === gel.id)?.coordinator).toMatchObject({
      organizationId: other.organizationId,
      isOverride: true,
    });
    expect(preview.overrides.map((o) => o.isApplied)).toEqual([true, false]);
    expect(await t.repos.coordinatorOverrides.listForTerritory(charente.data.territory.id)).toEqual([]);
  });

  it('answers a repeated analysis from the cache until the territory is invalidated', async () => {
    const cache = new AnalysisCache<TerritoryAnalysis>();
    const options = { repos: t.repos, territorySlug: 'charente', at: AT, cache };
    const first = await analyseTerritoryUseCase(options);
    expect(await analyseTerritoryUseCase(options)).toBe(first);
    cache.invalidate(first.data.territory.id);
    const fresh = await analyseTerritoryUseCase(options);
    expect(fresh).not.toBe(first);
    expect(fresh.result.opportunities.map((o) => o.id)).toEqual(first.result.opportunities.map((o) => o.id));
  });

  it('refuses an unknown territory with not_found', async () => {
    await expect(analyseTerritoryUseCase({ repos: t.repos, territorySlug: 'atlantide', at: AT })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('AnalysisCache', () => {
  it('drops an entry computed before a write even if stored after it', () => {
    const cache = new AnalysisCache<string>();
    const version = cache.version('t1');
    cache.invalidate('t1');
    cache.set('t1', 'k', version, 'stale');
    expect(cache.get('t1', 'k')).toBeUndefined();
  });

  it('expires entries after their maximum age and evicts the oldest beyond the size limit', () => {
    let now = 0;
    const cache = new AnalysisCache<string>({ maxEntries: 2, maxAgeMs: 1_000, clock: () => now });
    cache.set('t1', 'a', cache.version('t1'), 'A');
    cache.set('t1', 'b', cache.version('t1'), 'B');
    cache.set('t1', 'c', cache.version('t1'), 'C');
    expect([cache.get('t1', 'a'), cache.get('t1', 'b'), cache.get('t1', 'c')]).toEqual([undefined, 'B', 'C']);
    now = 1_001;
    expect(cache.get('t1', 'b')).toBeUndefined();
  });

  it('invalidates every territory at once after a write of unknown scope', () => {
    const cache = new AnalysisCache<string>();
    cache.set('t1', 'k', cache.version('t1'), 'one');
    cache.set('t2', 'k', cache.version('t2'), 'two');
    cache.invalidateAll();
    expect([cache.get('t1', 'k'), cache.get('t2', 'k')]).toEqual([undefined, undefined]);
  });

  it('computes a value once for concurrent misses, and not again once stored', async () => {
    const cache = new AnalysisCache<string>();
    let computations = 0;
    const compute = async () => {
      computations += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `value ${computations}`;
    };
    const answers = await Promise.all([1, 2, 3].map(() => cache.getOrCompute('t1', 'k', compute)));
    expect(answers).toEqual(['value 1', 'value 1', 'value 1']);
    expect(await cache.getOrCompute('t1', 'k', compute)).toBe('value 1');
    expect(computations).toBe(1);
  });

  it('does not share a computation started before a write with a caller arriving after it', async () => {
    const cache = new AnalysisCache<string>();
    let release: (value: string) => void = () => {};
    const before = cache.getOrCompute('t1', 'k', () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate('t1');
    const after = cache.getOrCompute('t1', 'k', async () => 'fresh');
    release('stale');
    expect(await before).toBe('stale');
    expect(await after).toBe('fresh');
    expect(cache.get('t1', 'k')).toBe('fresh');
  });

  it('makes every cache sharing the territory versions stale on one invalidation', () => {
    const versions = new TerritoryVersions();
    const analyses = new AnalysisCache<string>({ versions });
    const pages = new AnalysisCache<string>({ versions });
    pages.set('t1', 'page', pages.version('t1'), 'json');
    analyses.invalidate('t1');
    expect(pages.get('t1', 'page')).toBeUndefined();
  });
});
