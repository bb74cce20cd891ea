import { describe, expect, it } from 'vitest';
import type { DecpFlag } from '../decp/decp-flag';
import type { RunningContract } from '../domain/types';
import { buildContract, buildInput, buildNeed, buildOrganization } from '../pooling/test-builders';
import { analyseTerritory } from './analyse-territory';
import { runScenario } from './run-scenario';

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
   * Start 2026-08-28 (see align-calendar.test.ts). Coordinator: single task, A has the largest share + experience.
   * Savings as in estimate-savings.test.ts: 450 000 / 787 845 / 873 485 cents.
   */
  it('returns ranked opportunities with procedure, calendar, savings and coordinator', () => {
    const [o] = analyseTerritory(input).opportunities;
    expect(o).toMatchObject({
      id: ID,
      rank: 1,
      annualAmountCents: 3_750_000,
      estimatedValueCents: 18_000_000,
      startDate: '2026-08-28',
      savings: { low: 450_000, central: 787_845, high: 873_485 },
      coordinator: { organizationId: 'A', isOverride: false },
    });
    expect(o?.procedure).toMatchObject({ kind: 'mapa_publicity', thresholdVersionId: 'seuils-2026-04' });
    expect(o?.thresholdCrossed.members.map((m) => [m.organizationId, m.aloneKind])).toEqual([
      ['B', 'dispense'],
      ['C', 'dispense'],
    ]);
    expect(o?.members.map((m) => m.share)).toEqual([2_000_000 / 3_750_000, 1_200_000 / 3_750_000, 550_000 / 3_750_000]);
  });

  it('keeps a manual coordinator override', () => {
    const [o] = analyseTerritory({
      ...input,
      parameters: {
        coordinator: {
          lambda: 1,
          experienceBonus: 0.5,
          workloadWeights: { dispense: 1, mapa: 2, mapa_publicity: 3, formalised: 5 },
          overrides: { [ID]: 'C' },
          nodeLimit: 20_000,
        },
      },
    }).opportunities;
    expect(o?.coordinator).toMatchObject({ organizationId: 'C', isOverride: true });
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
    analyseTerritory({ ...input, organizations: [...organizations.slice(0, 3), haguenau], needs: [...needs, needD], runningContracts: [...runningContracts, ...extra] })
      .opportunities[0];

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

describe('runScenario', () => {
  it('adds a joining member and its amount', () => {
    const result = runScenario({
      input,
      opportunityId: ID,
      change: {
        kind: 'join',
        organization: organizations[3] ?? organizations[0]!,
        needs: [buildNeed({ id: 'nD', organizationId: 'D', annualAmountCents: 250_000 })],
      },
    });
    expect(result.diff.addedMemberIds).toEqual(['D']);
    expect(result.diff.annualAmountCents).toBe(250_000);
    // 40 000 € × 4.8 = 192 000 €: still a MAPA with publicity.
    expect(result.diff.estimatedValueCents).toBe(1_200_000);
    expect(result.diff.procedureChanged).toBe(false);
  });

  it('removes a leaving member and drops the opportunity when one buyer is left', () => {
    const leave = runScenario({ input, opportunityId: ID, change: { kind: 'leave', organizationId: 'B' } });
    expect(leave.diff.removedMemberIds).toEqual(['B']);
    expect(leave.diff.annualAmountCents).toBe(-1_200_000);
    const twoLeft = { ...input, needs: needs.filter((n) => n.organizationId !== 'C') };
    expect(runScenario({ input: twoLeft, opportunityId: ID, change: { kind: 'leave', organizationId: 'B' } }).after).toBeNull();
  });

  it('moves a postponing member to the later wave without moving the start earlier', () => {
    const result = runScenario({ input, opportunityId: ID, change: { kind: 'postpone', organizationId: 'C', months: 6 } });
    expect(result.after?.waves.map((w) => w.organizationIds)).toEqual([['A'], ['B', 'C']]);
    expect(result.diff.startDateShiftDays).toBe(0);
  });
});
