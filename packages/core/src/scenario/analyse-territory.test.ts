import { describe, expect, it } from 'vitest';
import type { DecpFlag } from '../decp/decp-flag';
import type { RunningContract } from '../domain/types';
import { buildContract, buildInput, buildNeed, buildOrganization } from '../pooling/test-builders';
import { DEFAULT_ANALYSIS_PARAMETERS } from '../pooling/analysis-input';
import { analyseTerritory } from './analyse-territory';

// The salt case of align-calendar.test.ts and estimate-savings.test.ts, end to end.
const organizations = [
  buildOrganization({ id: 'A', name: 'Strasbourg' }),
  buildOrganization({ id: 'B', name: 'Schiltigheim' }),
  buildOrganization({ id: 'C', name: 'Illkirch' }),
  buildOrganization({ id: 'D', name: 'Haguenau' }),
];
const needs = [
  buildNeed({ id: 'nA', organizationId: 'A', annualAmountCents: 2_000_000, quantity: 200, unit: 't' }),
  buildNeed({ id: 'nB', organizationId: 'B', annualAmountCents: 1_200_000, quantity: 100, unit: 't' }),
  buildNeed({ id: 'nC', organizationId: 'C', annualAmountCents: 550_000, quantity: 50_000, unit: 'kg' }),
];
const runningContracts = [
  buildContract({ id: 'ca', organizationId: 'A', startDate: '2023-10-01', renewalsUsed: 2 }),
  buildContract({ id: 'cb', organizationId: 'B', startDate: '2024-01-01', renewalsUsed: 1 }),
];
const input = buildInput({ organizations, needs, runningContracts });
const ID = 'cpv:class:34920000@67';

describe('analyseTerritory', () => {
  /*
   * 37 500 €/year × 4 years × 1.2 = 180 000 € → MAPA with BOAMP/JAL publicity (90 000 ≤ v < 216 000, seuils-2026-04 at
   * launch 2026-05-15); alone, A (96 000 €) would already publish, B (57 600 €) and C (26 400 €) are under the
   * 60 000 € dispense threshold (R2122-8 from 2026-04-01): both cross thresholds by pooling.
   * Start 2026-10-01, B entering on 2027-01-01 (see align-calendar.test.ts). Coordinator: single task; B cannot act
   * at launch (deferred entry), A (53 % + 0,5 experience = 1,03) beats C (15 %); a MAPA needs no CAO, so no CAO bonus.
   * CAO (L1414-3): three communes, all local authorities with a CAO → the coordinator's CAO may be designated (II).
   * Savings: de-icing salt is a supply-security family (no price effect published), so price savings are 0; B and
   * C alone would buy under the dispense threshold, so the groupement avoids no procedure for them (R2122-8); the
   * coordinator A bears 150 000 cents of coordination per cycle, over 48 months: −150 000 × 12 / 48 = −37 500 a year.
   */
  it('returns ranked opportunities with procedure, calendar, savings and coordinator', () => {
    const [o] = analyseTerritory(input).opportunities;
    expect(o).toMatchObject({
      id: ID,
      rank: 1,
      annualAmountCents: 3_750_000,
      estimatedValueCents: 18_000_000,
      startDate: '2026-10-01',
      savings: { low: -37_500, central: -37_500, high: -37_500 },
      coordinator: { organizationId: 'A', isOverride: false },
    });
    expect(o?.procedure).toMatchObject({ kind: 'mapa_publicity', thresholdVersionId: 'seuils-2026-04' });
    expect(o?.thresholdCrossed.members.map((m) => [m.organizationId, m.aloneKind])).toEqual([
      ['B', 'dispense'],
      ['C', 'dispense'],
    ]);
    expect(o?.members.map((m) => m.share)).toEqual([2_000_000 / 3_750_000, 1_200_000 / 3_750_000, 550_000 / 3_750_000]);
    expect(o?.coordinatorProposal.candidates.map((c) => [c.organizationId, c.isEligible, c.score])).toEqual([
      ['A', true, 2_000_000 / 3_750_000 + 0.5],
      ['B', false, null],
      ['C', true, 550_000 / 3_750_000],
    ]);
    expect(o?.coordinatorProposal.explanation).toContain(
      'Écartés de la proposition : Schiltigheim (n’entre dans l’accord-cadre que le 1er janvier 2027, après le démarrage).',
    );
    expect(o?.tenderCommission).toMatchObject({ isMostlyLocal: true, coordinatorHasCao: true, proposed: 'coordinator' });
  });

  it('keeps a manual coordinator override', () => {
    const [o] = analyseTerritory({
      ...input,
      parameters: {
        coordinator: {
          lambda: 1,
          experienceBonus: 0.5,
          caoBonus: 0.25,
          workloadWeights: { dispense: 1, mapa: 2, mapa_publicity: 3, formalised: 5 },
          overrides: { [ID]: 'C' },
          nodeLimit: 20_000,
        },
      },
    }).opportunities;
    expect(o?.coordinator).toMatchObject({ organizationId: 'C', isOverride: true });
    // The proposal without the override stays A, and says the facilitator retained another member.
    expect(o?.coordinatorProposal).toMatchObject({ organizationId: 'A', differsFromChoice: true });
    expect(o?.coordinatorProposal.explanation).toMatch(
      /^Coordonnateur retenu par l’animateur du territoire : Illkirch\. La proposition de Mutualis diffère\. Mutualis propose Strasbourg/,
    );
  });

  it('keeps an override on a member that cannot act at launch, and says so', () => {
    const [o] = analyseTerritory({
      ...input,
      parameters: { coordinator: { ...DEFAULT_ANALYSIS_PARAMETERS.coordinator, overrides: { [ID]: 'B' } } },
    }).opportunities;
    expect(o?.coordinator).toMatchObject({ organizationId: 'B', isOverride: true });
    expect(o?.coordinatorProposal.explanation).toMatch(
      /^Coordonnateur retenu par l’animateur du territoire : Schiltigheim ; attention : n’entre dans l’accord-cadre que le 1er janvier 2027, après le démarrage\./,
    );
  });
});

describe('analyseTerritory with an undated DECP record', () => {
  /*
   * Haguenau (D) publishes one DECP award with neither notification nor publication date: the
   * import keeps it, flagged `undated`, on a stand-in start (1 January of the year its identifier
   * gives, here 2026), 48 months, and proposes its need (250 000 c/year). The census counts the
   * need; no calendar may use the stand-in dates. Were they used, D would hold a running contract
   * (a latest entry date, after its end in 2030) instead of none.
   */
  const haguenau = organizations[3] ?? organizations[0]!;
  const needD = buildNeed({ id: 'nD', organizationId: 'D', annualAmountCents: 250_000, quantity: 25, unit: 't', source: 'decp' });
  const decpContract = (decpFlags: RunningContract['decpFlags']) =>
    buildContract({
      id: 'cd',
      organizationId: 'D',
      startDate: '2026-01-01',
      durationMonths: 48,
      renewalCount: 0,
      renewalMonths: 0,
      source: 'decp',
      decpId: '21670180500014|2026X0001',
      ...(decpFlags === undefined ? {} : { decpFlags }),
    });
  const undated: DecpFlag = { code: 'undated', value: '2026-01-01', year: 2026, yearSource: 'id', publishedDate: null };
  const run = (extra: RunningContract[]) =>
    analyseTerritory({
      ...input,
      organizations: [...organizations.slice(0, 3), haguenau],
      needs: [...needs, needD],
      runningContracts: [...runningContracts, ...extra],
    }).opportunities[0];

  it('counts its need in the census and leaves its stand-in dates out of the calendar', () => {
    const without = run([]);
    const withUndated = run([decpContract([undated])]);
    // 2 000 000 + 1 200 000 + 550 000 + 250 000 cents: D is a member with its need.
    expect(withUndated?.annualAmountCents).toBe(4_000_000);
    expect(withUndated?.members.map((m) => m.organizationId)).toEqual(['A', 'B', 'C', 'D']);
    expect(withUndated?.calendar).toEqual(without?.calendar);
    expect(withUndated?.calendar.members.find((m) => m.organizationId === 'D')?.latestEntry).toBeNull();
  });

  it('uses the same contract once dated (the control: its dates would have moved D’s entry)', () => {
    const dated = run([decpContract(undefined)]);
    const entry = dated?.calendar.members.find((m) => m.organizationId === 'D');
    expect(entry?.latestEntry).not.toBeNull();
    expect((entry?.latestEntry ?? '') > '2029-12-31').toBe(true);
    // A date entered by the facilitator resolves the flag (the start no longer holds the stand-in value).
    const corrected = run([{ ...decpContract([undated]), startDate: '2026-03-01' }]);
    expect(corrected?.calendar.members.find((m) => m.organizationId === 'D')?.latestEntry).not.toBeNull();
  });
});
