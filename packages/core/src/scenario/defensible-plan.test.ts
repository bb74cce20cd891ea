import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractEntryWindow } from '../calendar/contract-entry-window';
import { addDays } from '../calendar/iso-date';
import { resolveCoordinatorOverrides } from '../coordinator/resolve-coordinator-overrides';
import { isDecpContractDated } from '../decp/decp-flag-status';
import { buildDemoTerritories } from '../demo/build-demo-territories';
import type { Need, Organization, OrganizationKind, RunningContract } from '../domain/types';
import { DEFAULT_FAMILIES } from '../families';
import { type AnalysisInput, DEFAULT_ANALYSIS_PARAMETERS } from '../pooling/analysis-input';
import { detectOpportunities } from '../pooling/detect-opportunities';
import { buildContract, buildNeed, buildOrganization, buildTerritory } from '../pooling/test-builders';
import { carryThresholdsForward } from '../procedure/carry-thresholds-forward';
import { estimateValue } from '../procedure/estimate-value';
import { THRESHOLD_TABLE } from '../procedure/threshold-table';
import { type AnalysedOpportunity, type AnalysisResult, analyseTerritory, indexContractsByFamily } from './analyse-territory';

/*
 * Issue 14, « Done when »: for every opportunity of both demo territories and of generated territories,
 * no member enters before an exit its running contract can reach (or a bridge covers the gap), every member
 * is in the one procedure, the coordinator can act at launch, and the CAO follows CGCT L1414-3.
 */

const THRESHOLDS = carryThresholdsForward(THRESHOLD_TABLE);
const LOCAL_KINDS: readonly OrganizationKind[] = ['departement', 'region', 'commune', 'epci'];

/** The analysis of a demo territory with the facilitator's recorded coordinator choices, as the server runs it. */
function analyseDemo(now: string, slug: string): { input: AnalysisInput; result: AnalysisResult } {
  const dataset = buildDemoTerritories(now);
  const demo = dataset.territories.find((t) => t.territory.slug === slug);
  if (!demo) throw new Error(`no demo territory ${slug}`);
  const ids = new Set(demo.organizations.map((o) => o.id));
  const base: AnalysisInput = {
    territory: { ...demo.territory, id: slug },
    organizations: demo.organizations,
    needs: dataset.needs.filter((n) => ids.has(n.organizationId)),
    runningContracts: dataset.runningContracts.filter((c) => ids.has(c.organizationId)),
    families: DEFAULT_FAMILIES,
    now,
    confirmedOnly: false,
    parameters: { thresholdTable: THRESHOLDS },
  };
  const detected = detectOpportunities({ ...base, scope: base.territory.poolingScope, familyLevel: 'class' }).opportunities;
  const choices = dataset.coordinatorChoices
    .filter((c) => c.territorySlug === slug)
    .map((c) => ({ familyKey: c.familyKey, cellKey: null, organizationId: c.organizationId }));
  const { byOpportunity } = resolveCoordinatorOverrides(choices, detected);
  const input = {
    ...base,
    parameters: { ...base.parameters, coordinator: { ...DEFAULT_ANALYSIS_PARAMETERS.coordinator, overrides: byOpportunity } },
  };
  return { input, result: analyseTerritory(input) };
}

/** Checks the four rules on every opportunity; returns nothing, fails the test on the first broken one. */
function expectDefensible(input: AnalysisInput, result: AnalysisResult): void {
  const contractsByFamily = indexContractsByFamily(input.runningContracts, input.families, result.parameters.familyLevel);
  const kindOf = new Map(input.organizations.map((o) => [o.id, o.kind]));
  for (const o of result.opportunities) {
    const where = `${o.family.label} @ ${result.now}`;
    // Undated DECP records carry stand-in dates and stay out of calendars until dated (isDecpContractDated).
    const familyContracts = o.members
      .flatMap((m) => contractsByFamily.get(o.family.key)?.get(m.organizationId) ?? [])
      .filter(isDecpContractDated);
    expectEntriesReachable(o, familyContracts, result.now, where);
    expectOneProcedure(o, result, where);
    expectCoordinatorActsAtLaunch(o, where);
    expectCaoOfL1414_3(o, kindOf, where);
  }
}

function expectEntriesReachable(o: AnalysedOpportunity, contracts: readonly RunningContract[], now: string, where: string): void {
  for (const entry of o.calendar.members) {
    expect(entry.joinDate >= o.startDate, where).toBe(true);
    for (const contract of contracts.filter((c) => c.organizationId === entry.organizationId)) {
      const w = contractEntryWindow(contract, now);
      if (w.hasEnded) continue;
      expect(w.earliestEntry <= entry.joinDate, `${where}: ${contract.reference} cannot end before ${w.earliestEntry}`).toBe(true);
      if (w.exitDates.includes(entry.joinDate)) continue;
      const exit = w.exitDates.filter((d) => d <= entry.joinDate).at(-1);
      const bridge = entry.bridges.find((b) => b.contractIds.includes(contract.id));
      expect(bridge && bridge.from <= (exit ?? '') && bridge.until === entry.joinDate, `${where}: gap after ${contract.reference}`).toBe(
        true,
      );
    }
  }
}

function expectOneProcedure(o: AnalysedOpportunity, result: AnalysisResult, where: string): void {
  const memberIds = o.members.map((m) => m.organizationId).sort();
  expect(o.calendar.members.map((m) => m.organizationId).sort(), where).toEqual(memberIds);
  expect(o.waves.flatMap((w) => w.organizationIds).sort(), where).toEqual(memberIds);
  // Every member signs the convention before the launch…
  const launch = o.calendar.schedule.find((s) => s.step === 'consultation_launch')?.date ?? '';
  const deliberations = o.calendar.schedule.filter((s) => s.step === 'deliberation' && s.date < launch);
  expect(deliberations.map((s) => s.organizationId).sort(), where).toEqual(memberIds);
  // …and is counted in the estimated value, whatever its entry date (R2121-1).
  const annual = o.members.reduce((sum, m) => sum + m.annualAmountCents, 0);
  expect(o.estimatedValueCents, where).toBe(estimateValue(annual, result.parameters.contractTerm));
  for (const m of o.calendar.members) expect(m.actions.join(' '), where).not.toMatch(/prévoir une nouvelle procédure|vague ultérieure/);
}

function expectCoordinatorActsAtLaunch(o: AnalysedOpportunity, where: string): void {
  const entry = o.calendar.members.find((m) => m.organizationId === o.coordinatorProposal.organizationId);
  const anyAtStart = o.calendar.members.some((m) => m.wave === 'start');
  // The proposal (with or without an override retained) enters on the start date and deliberates before the launch.
  if (anyAtStart) expect(entry?.wave, `${where}: proposed coordinator`).toBe('start');
  const launch = o.calendar.schedule.find((s) => s.step === 'consultation_launch')?.date ?? '';
  expect(o.calendar.schedule.some((s) => s.step === 'deliberation' && s.organizationId === entry?.organizationId && s.date < launch)).toBe(
    true,
  );
  if (!o.coordinator.isOverride) expect(o.coordinator.organizationId, where).toBe(o.coordinatorProposal.organizationId);
  // A retained coordinator that cannot act at launch is flagged in the explanation.
  const retained = o.calendar.members.find((m) => m.organizationId === o.coordinator.organizationId);
  if (o.coordinator.isOverride && anyAtStart && retained?.wave !== 'start')
    expect(o.coordinatorProposal.explanation, where).toContain('attention : n’entre dans l’accord-cadre que le');
}

function expectCaoOfL1414_3(o: AnalysedOpportunity, kindOf: ReadonlyMap<string, OrganizationKind>, where: string): void {
  // Independent reading of L1414-3: « en majorité » of local authorities; II only if the coordinator has a CAO.
  const local = o.members.filter((m) => LOCAL_KINDS.includes(kindOf.get(m.organizationId) ?? 'other_public')).length;
  const isMostlyLocal = 2 * local > o.members.length;
  const coordinatorHasCao = LOCAL_KINDS.includes(kindOf.get(o.coordinator.organizationId) ?? 'other_public');
  const allowed = !coordinatorHasCao ? ['groupement'] : isMostlyLocal ? ['coordinator', 'groupement'] : ['groupement', 'coordinator'];
  expect(o.tenderCommission, where).toMatchObject({ isMostlyLocal, coordinatorHasCao, allowed, proposed: allowed[0] });
}

describe('the calendar, coordinator and CAO of the demo territories', () => {
  /*
   * On 2026-12-06 (the date of issue 14): an appel d'offres needs 90 + 15 + 15 + 120 + 30 = 270 days → 2027-09-02 at the earliest.
   * Salt: Colmar's contract (started 2025-11-01, 1 + 2 × 1 year, one renewal used, 4 months' notice) can end on
   * 2027-11-01 at the earliest; the start is 2027-09-02 (Bas-Rhin, Eurométropole and Sélestat hold half the value by
   * then): Colmar enters on 2027-11-01 in the same procedure, no longer on 2 September.
   */
  it('enters Colmar’s salt on 1 November 2027, when its contract can end, not on the 2 September start', () => {
    const { result } = analyseDemo('2026-12-06', 'alsace');
    const salt = result.opportunities.find((o) => o.family.key === 'famille:fam-salt');
    const colmar = salt?.calendar.members.find((m) => m.organizationId === 'demo-org-68-colmar');
    expect(salt?.startDate).toBe('2027-09-02');
    expect(colmar).toMatchObject({ earliestEntry: '2027-11-01', joinDate: '2027-11-01', wave: 'later', bridges: [] });
    expect(colmar?.actions[1]).toBe(
      'Ne pas reconduire le marché AC-68-COLMAR-SEL-2025 : notifier la non-reconduction avant le 30 juin 2027 (préavis de 4 mois), fin au 31 octobre 2027. Sans coût.',
    );
  });

  /*
   * Booklets: Bas-Rhin 13 000 × 1,62 + 15 000 × 0,88 = 34 260 €, its contracts end 2027-12-01 at the earliest;
   * Haut-Rhin 8 500 × 2,05 + 9 500 × 1,12 = 28 065 €, 2028-06-01 at the earliest. Half of 62 325 € is reached by the
   * Bas-Rhin alone → start 2027-12-01, when its contracts end (no longer two months before). The Haut-Rhin is a member
   * from the start, counted in the 62 325 € × 4,8 = 299 160 € estimated value (appel d'offres), and enters on
   * 2028-06-01 — not « a new procedure ».
   */
  it('keeps the Haut-Rhin in the one booklets procedure with a deferred entry, the Bas-Rhin entering when its contracts end', () => {
    const { result } = analyseDemo('2026-12-06', 'alsace');
    const booklets = result.opportunities.find((o) => o.family.key === 'famille:fam-health-booklets');
    expect(booklets?.startDate).toBe('2027-12-01');
    expect(booklets?.estimatedValueCents).toBe(29_916_000);
    expect(booklets?.procedure.kind).toBe('formalised');
    expect(booklets?.waves).toEqual([
      { kind: 'start', date: '2027-12-01', organizationIds: ['demo-org-67-cd'] },
      { kind: 'later', date: '2028-06-01', organizationIds: ['demo-org-68-cd'] },
    ]);
    expect(booklets?.calendar.members[1]?.actions[0]).toMatch(
      /^Entrée différée le 1er juin 2028, à l’échéance de son marché en cours : membre du groupement/,
    );
  });

  /*
   * Gel: Angoulême 44 200 € (exit 2027-10-01), hospital 93 600 € (2028-03-01), GrandAngoulême 16 280 € (2027-08-01),
   * Charente 26 410 € (2028-09-01), Cognac 11 850 € (no contract): half of 192 340 € is reached when the hospital can
   * enter → start 2028-03-01 (no longer two months before its contract ends). Angoulême's contract ends 2027-10-01
   * and its next exit is 214 days after the start: a bridge of 5 months (152 days): 44 200 € × 152 / 365 = 18 406,58 €,
   * above 10 % of its 176 800 € contract, so a bridge contract (dispense), not an amendment. The hospital has no CAO
   * and 4 of 5 members are local authorities: the convention must institute the groupement's CAO.
   */
  it('starts the gel contract when the hospital’s contract can end, sizes Angoulême’s bridge, and institutes the groupement’s CAO', () => {
    const { result } = analyseDemo('2026-12-06', 'charente');
    const gel = result.opportunities.find((o) => o.family.key === 'famille:fam-hand-sanitizer');
    expect(gel?.startDate).toBe('2028-03-01');
    const hospital = gel?.calendar.members.find((m) => m.organizationId === 'demo-org-16-ch-angouleme');
    expect(hospital).toMatchObject({ earliestEntry: '2028-03-01', joinDate: '2028-03-01', bridges: [] });
    const angouleme = gel?.calendar.members.find((m) => m.organizationId === 'demo-org-16-angouleme');
    expect(angouleme?.bridges.map((b) => [b.form, b.from, b.until, b.months, b.days, b.amountCents, b.procedureKind])).toEqual([
      ['contract', '2027-10-01', '2028-03-01', 5, 0, 1_840_658, 'dispense'],
    ]);
    expect(gel?.coordinator.name).toBe('Centre hospitalier d’Angoulême');
    expect(gel?.tenderCommission).toMatchObject({ isMostlyLocal: true, coordinatorHasCao: false, allowed: ['groupement'] });
  });

  it('holds the four rules for every opportunity of both demo territories over two years of analysis dates', () => {
    for (let day = 0; day < 730; day += 61) {
      const now = addDays('2026-12-06', day);
      for (const slug of ['alsace', 'charente']) {
        const { input, result } = analyseDemo(now, slug);
        expect(result.opportunities.length).toBeGreaterThan(0);
        expectDefensible(input, result);
      }
    }
  });
});

const KINDS: readonly OrganizationKind[] = ['commune', 'commune', 'epci', 'departement', 'region', 'hospital', 'state', 'other_public'];
const FAMILY_CPVS = ['34927100', '30197630', '18141000'];

/** A generated territory: buyers of mixed kinds, needs in three families, running contracts of any shape. */
const territoryArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      needs: fc.array(
        fc.record({
          family: fc.nat({ max: 2 }),
          euros: fc.integer({ min: 500, max: 400_000 }),
          contract: fc.option(
            fc.record({
              startOffset: fc.integer({ min: -1800, max: 200 }),
              durationMonths: fc.integer({ min: 3, max: 48 }),
              renewalCount: fc.integer({ min: 0, max: 4 }),
              renewalMonths: fc.integer({ min: 1, max: 24 }),
              renewalsUsed: fc.nat({ max: 4 }),
              noticeMonths: fc.integer({ min: 0, max: 6 }),
              hasAmount: fc.boolean(),
            }),
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { minLength: 2, maxLength: 9 },
  )
  .map((rows): AnalysisInput => {
    const now = '2026-12-06';
    const organizations: Organization[] = rows.map((r, i) => buildOrganization({ id: `o${i}`, name: `Acheteur ${i}`, kind: r.kind }));
    const needs: Need[] = [];
    const runningContracts: RunningContract[] = [];
    rows.forEach((r, i) => {
      r.needs.forEach((n, j) => {
        const cpvCode = FAMILY_CPVS[n.family] as string;
        needs.push(buildNeed({ id: `n${i}-${j}`, organizationId: `o${i}`, cpvCode, label: 'Achat', annualAmountCents: n.euros * 100 }));
        if (n.contract)
          runningContracts.push(
            buildContract({
              ...n.contract,
              id: `c${i}-${j}`,
              organizationId: `o${i}`,
              cpvCode,
              label: 'Achat',
              startDate: addDays(now, n.contract.startOffset),
              amountCents: n.contract.hasAmount ? n.euros * 100 * 4 : null,
            }),
          );
      });
    });
    return {
      territory: buildTerritory({ poolingScope: { kind: 'territory' } }),
      organizations,
      needs,
      runningContracts,
      families: DEFAULT_FAMILIES.filter((f) => ['fam-salt', 'fam-paper', 'fam-ppe-gloves'].includes(f.id)),
      now,
      confirmedOnly: false,
      parameters: { thresholdTable: THRESHOLDS },
    };
  });

describe('the calendar, coordinator and CAO of generated territories', () => {
  it('hold the four rules for every opportunity', () => {
    fc.assert(
      fc.property(territoryArb, (input) => {
        expectDefensible(input, analyseTerritory(input));
      }),
      { numRuns: 60 },
    );
  });
});
