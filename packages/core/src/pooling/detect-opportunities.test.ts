import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Need, Organization, PoolingScope } from '../domain/types';
import { type DetectOpportunitiesOptions, detectOpportunities } from './detect-opportunities';
import { buildFamily, buildNeed, buildOrganization } from './test-builders';

const strasbourg = buildOrganization({ id: 'o1', name: 'Strasbourg', departementCode: '67', regionCode: '44' });
const schiltigheim = buildOrganization({ id: 'o2', name: 'Schiltigheim', inseeCode: '67447', departementCode: '67', regionCode: '44' });
const colmar = buildOrganization({
  id: 'o3',
  name: 'Colmar',
  inseeCode: '68066',
  departementCode: '68',
  regionCode: '44',
  epciSiren: '246800726',
});
// Two establishments of one body (same SIREN prefix): they count as one buyer.
const hospitalA = buildOrganization({ id: 'o4', name: 'CHU site A', kind: 'hospital', sirenPrefix: '26670001', nic: '0010' });
const hospitalB = buildOrganization({ id: 'o5', name: 'CHU site B', kind: 'hospital', sirenPrefix: '26670001', nic: '0028' });

const detect = (needs: Need[], overrides: Partial<DetectOpportunitiesOptions> = {}) =>
  detectOpportunities({
    organizations: [strasbourg, schiltigheim, colmar, hospitalA, hospitalB],
    needs,
    families: [],
    scope: { kind: 'departement' },
    familyLevel: 'class',
    confirmedOnly: false,
    ...overrides,
  });

describe('detectOpportunities', () => {
  it('groups the salt needs of two communes of one département and leaves the third département out', () => {
    // 67: 1 200 € + 800 € = 2 000 € pooled, shares 0.6 / 0.4; Colmar (68) is alone in its département.
    const { opportunities } = detect([
      buildNeed({ id: 'n1', organizationId: 'o1', annualAmountCents: 120_000, quantity: 12, unit: 't' }),
      buildNeed({ id: 'n2', organizationId: 'o2', annualAmountCents: 80_000, quantity: 8_000, unit: 'kg' }),
      buildNeed({ id: 'n3', organizationId: 'o3', annualAmountCents: 50_000 }),
    ]);
    expect(opportunities).toHaveLength(1);
    const [o] = opportunities;
    expect(o?.id).toBe('cpv:class:34920000@67');
    expect(o?.annualAmountCents).toBe(200_000);
    expect(o?.members.map((m) => [m.name, m.share, m.quantity])).toEqual([
      ['Strasbourg', 0.6, 12_000],
      ['Schiltigheim', 0.4, 8_000],
    ]);
    // 12 t + 8 000 kg harmonised to 20 000 kg.
    expect(o?.quantity).toEqual({ value: 20_000, unit: 'kg' });
    expect(o?.explanation).toMatch(/1 besoin d’une organisation seule dans sa zone \(ex\. : Colmar\)/);
  });

  it('names the establishment left alone by its smallest name, whatever the input order', () => {
    // Found by the input-order property (seed 828092859): two establishments of one SIREN alone in
    // their département were named after whichever need came first. « Metz site A » < « Metz site B ».
    const metzA = buildOrganization({ id: 'o7', name: 'Metz site B', departementCode: '57', sirenPrefix: '21570463', nic: '0010' });
    const metzB = buildOrganization({ id: 'o6', name: 'Metz site A', departementCode: '57', sirenPrefix: '21570463', nic: '0028' });
    const organizations = [strasbourg, schiltigheim, metzA, metzB];
    const salt = (id: string, organizationId: string) => buildNeed({ id, organizationId });
    const forward = detect([salt('n1', 'o1'), salt('n2', 'o2'), salt('n3', 'o7'), salt('n4', 'o6')], { organizations });
    const backward = detect([salt('n4', 'o6'), salt('n3', 'o7'), salt('n2', 'o2'), salt('n1', 'o1')], { organizations });
    expect(forward.opportunities[0]?.explanation).toMatch(/2 besoins d’une organisation seule dans sa zone \(ex\. : Metz site A\)/);
    expect(backward.opportunities[0]?.explanation).toBe(forward.opportunities[0]?.explanation);
  });

  it('counts two establishments of one SIREN as a single buyer', () => {
    const { opportunities } = detect([buildNeed({ id: 'n1', organizationId: 'o4' }), buildNeed({ id: 'n2', organizationId: 'o5' })]);
    expect(opportunities).toEqual([]);
    const withCommune = detect([
      buildNeed({ id: 'n1', organizationId: 'o4' }),
      buildNeed({ id: 'n2', organizationId: 'o5' }),
      buildNeed({ id: 'n3', organizationId: 'o1' }),
    ]);
    expect(withCommune.opportunities[0]?.members).toHaveLength(3);
    expect(withCommune.opportunities[0]?.buyerCount).toBe(2);
  });

  it.each<{ scope: PoolingScope; ids: string[][] }>([
    { scope: { kind: 'territory' }, ids: [['o1', 'o2', 'o3']] },
    { scope: { kind: 'region' }, ids: [['o1', 'o2', 'o3']] },
    { scope: { kind: 'departement' }, ids: [['o1', 'o2']] },
    { scope: { kind: 'epci' }, ids: [['o1', 'o2']] },
    // Strasbourg–Colmar centroids of 67 and 68 are about 60 km apart: a 200 km scope joins them, 20 km does not.
    { scope: { kind: 'distance', km: 200 }, ids: [['o1', 'o2', 'o3']] },
    { scope: { kind: 'distance', km: 20 }, ids: [['o1', 'o2']] },
  ])('keeps members within the $scope.kind scope', ({ scope, ids }) => {
    const needs = ['o1', 'o2', 'o3'].map((organizationId, i) => buildNeed({ id: `n${i}`, organizationId }));
    expect(detect(needs, { scope }).opportunities.map((o) => o.members.map((m) => m.organizationId))).toEqual(ids);
  });

  it('lets a user-defined family (CPV or keyword) take precedence over the CPV level', () => {
    const family = buildFamily({ id: 'gel', name: 'Gel hydroalcoolique', cpvCodes: ['33741300'], keywords: ['hydroalcoolique'] });
    const { opportunities } = detect(
      [
        buildNeed({ id: 'n1', organizationId: 'o1', cpvCode: '33741300', label: 'Gel mains' }),
        buildNeed({ id: 'n2', organizationId: 'o2', cpvCode: '24455000', label: 'Solution HYDROALCOOLIQUE 1 L' }),
        buildNeed({ id: 'n3', organizationId: 'o2', cpvCode: '24455000', label: 'Désinfectant sols' }),
      ],
      { families: [family] },
    );
    expect(opportunities.map((o) => [o.id, o.members.flatMap((m) => m.needIds)])).toEqual([['famille:gel@67', ['n1', 'n2']]]);
  });

  it('pools on amounts and says so when units are not comparable', () => {
    const { opportunities } = detect([
      buildNeed({ id: 'n1', organizationId: 'o1', quantity: 10, unit: 't' }),
      buildNeed({ id: 'n2', organizationId: 'o2', quantity: 100, unit: 'L' }),
    ]);
    expect(opportunities[0]?.quantity).toBeNull();
    expect(opportunities[0]?.explanation).toMatch(/Quantités non comparables \(unités incompatibles \(litre et kilogramme\)\)/);
  });

  it('marks proposed needs unconfirmed, drops them when confirmedOnly, and never uses rejected needs', () => {
    const needs = [
      buildNeed({ id: 'n1', organizationId: 'o1' }),
      buildNeed({ id: 'n2', organizationId: 'o2', status: 'proposed', source: 'decp' }),
      buildNeed({ id: 'n3', organizationId: 'o4', status: 'rejected' }),
    ];
    const open = detect(needs).opportunities[0];
    expect(open?.members.map((m) => [m.organizationId, m.isConfirmed])).toEqual([
      ['o1', true],
      ['o2', false],
    ]);
    expect(open?.explanation).toMatch(/1 besoin rejeté/);
    expect(detect(needs, { confirmedOnly: true }).opportunities).toEqual([]);
  });

  it('ranks families already pooled elsewhere first, then recurring purchases, then rarely pooled works, each by amount', () => {
    // Office supplies (class 3019: 3 groupement procedures in the reference DECP) 2 × 0.10 € → proven;
    // road salt (3492) 2 × 5 € and food (1580) 2 × 3 €, no groupement seen → recurring, by amount;
    // road works (4523) 2 × 5 000 €, the largest amount → rare, last.
    const pair = (id: string, cpvCode: string, annualAmountCents: number) => [
      buildNeed({ id: `${id}1`, organizationId: 'o1', cpvCode, annualAmountCents }),
      buildNeed({ id: `${id}2`, organizationId: 'o2', cpvCode, annualAmountCents }),
    ];
    const needs = [
      ...pair('w', '45233140', 500_000),
      ...pair('s', '34927100', 500),
      ...pair('o', '30192000', 10),
      ...pair('f', '15800000', 300),
    ];
    expect(detect(needs).opportunities.map((o) => [o.family.cpvCodes[0], o.poolability.tier, o.annualAmountCents])).toEqual([
      ['30190000', 'proven', 20],
      ['34920000', 'recurring', 1_000],
      ['15800000', 'recurring', 600],
      ['45230000', 'rare', 1_000_000],
    ]);
  });
});

const orgArb = fc
  .array(fc.record({ sirenSlot: fc.integer({ min: 0, max: 4 }), dep: fc.constantFrom('67', '68') }), { minLength: 1, maxLength: 7 })
  .map((rows) =>
    rows.map((r, i) =>
      buildOrganization({
        id: `p${i}`,
        sirenPrefix: `2100000${r.sirenSlot}`,
        nic: String(10 + i).padStart(4, '0'),
        departementCode: r.dep,
      }),
    ),
  );
const needsArb = (orgs: Organization[]) =>
  fc
    .array(
      fc.record({
        org: fc.integer({ min: 0, max: orgs.length - 1 }),
        cpv: fc.constantFrom('34927100', '30192000', '30197643', '18424300'),
        amount: fc.integer({ min: 0, max: 1_000_000 }),
        status: fc.constantFrom<Need['status']>('confirmed', 'confirmed', 'proposed', 'rejected'),
      }),
      { maxLength: 25 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        buildNeed({ id: `q${i}`, organizationId: `p${r.org}`, cpvCode: r.cpv, annualAmountCents: r.amount, status: r.status }),
      ),
    );
const scenarioArb = orgArb.chain((orgs) => fc.tuple(fc.constant(orgs), needsArb(orgs), fc.boolean()));
const run = (organizations: Organization[], needs: Need[], confirmedOnly: boolean) =>
  detectOpportunities({ organizations, needs, families: [], scope: { kind: 'departement' }, familyLevel: 'class', confirmedOnly })
    .opportunities;

describe('detectOpportunities invariants', () => {
  it('puts a need in at most one opportunity, pools exact sums of at least two buyers, never rejected needs', () => {
    fc.assert(
      fc.property(scenarioArb, ([orgs, needs, confirmedOnly]) => {
        const opportunities = run(orgs, needs, confirmedOnly);
        const ids = opportunities.flatMap((o) => o.members.flatMap((m) => m.needIds));
        expect(new Set(ids).size).toBe(ids.length);
        const byId = new Map(needs.map((n) => [n.id, n]));
        for (const o of opportunities) {
          expect(o.annualAmountCents).toBe(o.members.reduce((s, m) => s + m.annualAmountCents, 0));
          expect(o.annualAmountCents).toBe(
            o.members.flatMap((m) => m.needIds).reduce((s, id) => s + (byId.get(id)?.annualAmountCents ?? 0), 0),
          );
          expect(new Set(o.members.map((m) => m.siren)).size).toBeGreaterThanOrEqual(2);
        }
        for (const id of ids) {
          expect(byId.get(id)?.status).not.toBe('rejected');
          if (confirmedOnly) expect(byId.get(id)?.status).toBe('confirmed');
        }
      }),
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), ([orgs, needs, confirmedOnly], seed) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
        expect(run(shuffle(orgs), shuffle(needs), confirmedOnly)).toEqual(run(orgs, needs, confirmedOnly));
      }),
    );
  });

  it('never lowers a pooled amount when a member joins', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom('67', '68'),
        fc.constantFrom('34927100', '30192000'),
        ([orgs, needs, confirmedOnly], dep, cpv) => {
          const joiner = buildOrganization({ id: 'joiner', sirenPrefix: '22000000', departementCode: dep });
          const before = new Map(run(orgs, needs, confirmedOnly).map((o) => [o.id, o.annualAmountCents]));
          const after = run([...orgs, joiner], [...needs, buildNeed({ id: 'j1', organizationId: 'joiner', cpvCode: cpv })], confirmedOnly);
          for (const [id, amount] of before) expect(after.find((o) => o.id === id)?.annualAmountCents ?? -1).toBeGreaterThanOrEqual(amount);
        },
      ),
    );
  });
});
