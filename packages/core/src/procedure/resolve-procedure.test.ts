import { carryThresholdsForward } from './carry-thresholds-forward';
import { describe, expect, it } from 'vitest';
import type { OrganizationKind } from '../domain/types';
import type { ContractTerm } from './estimate-value';
import { DEFAULT_CONTRACT_TERM, estimateValue } from './estimate-value';
import { resolveProcedure } from './resolve-procedure';
import { findThresholdVersion, THRESHOLD_TABLE } from './threshold-table';

// A one-year marché without renewal: the estimated value equals the annual amount.
const ONE_YEAR: ContractTerm = { initialMonths: 12, renewalCount: 0, renewalMonths: 0, nature: 'marche', frameworkMaximumRatio: 1 };
const euros = (e: number) => e * 100;
const member = (organizationId: string, kind: OrganizationKind, amountEuros: number) => ({
  organizationId,
  kind,
  annualAmountCents: euros(amountEuros),
});

describe('estimateValue', () => {
  it('includes every renewal and the accord-cadre maximum (R2121-1, R2121-8)', () => {
    // 10 000 €/year × (12 + 3 × 12) / 12 = 40 000 €, × 1.2 maximum = 48 000 €.
    expect(estimateValue(euros(10_000), DEFAULT_CONTRACT_TERM)).toBe(euros(48_000));
    expect(estimateValue(euros(10_000), { ...DEFAULT_CONTRACT_TERM, nature: 'marche' })).toBe(euros(40_000));
  });
});

describe('resolveProcedure', () => {
  it.each([
    { date: '2026-02-01', amount: 39_999, kind: 'dispense', version: 'seuils-2026-01' },
    { date: '2026-02-01', amount: 45_000, kind: 'mapa', version: 'seuils-2026-01' },
    // R2122-8 from 1 April 2026: 60 000 € for supplies and services.
    { date: '2026-04-01', amount: 45_000, kind: 'dispense', version: 'seuils-2026-04' },
    { date: '2026-04-01', amount: 60_000, kind: 'mapa', version: 'seuils-2026-04' },
    { date: '2026-06-01', amount: 90_000, kind: 'mapa_publicity', version: 'seuils-2026-04' },
    { date: '2026-06-01', amount: 215_999, kind: 'mapa_publicity', version: 'seuils-2026-04' },
    { date: '2026-06-01', amount: 216_000, kind: 'formalised', version: 'seuils-2026-04' },
    { date: '2025-06-01', amount: 216_000, kind: 'mapa_publicity', version: 'seuils-2024-01' },
    { date: '2025-06-01', amount: 221_000, kind: 'formalised', version: 'seuils-2024-01' },
  ])('classifies $amount € for a commune on $date as $kind', ({ date, amount, kind, version }) => {
    const result = resolveProcedure({
      members: [member('a', 'commune', amount)],
      term: ONE_YEAR,
      launchDate: date,
      table: THRESHOLD_TABLE,
      isWorks: false,
    });
    expect(result.kind).toBe(kind);
    expect(result.thresholdVersionId).toBe(version);
  });

  it('applies the stricter State threshold to a mixed groupement and says so', () => {
    const result = resolveProcedure({
      members: [member('prefecture', 'state', 70_000), member('ville', 'commune', 80_000)],
      term: ONE_YEAR,
      launchDate: '2026-06-01',
      table: THRESHOLD_TABLE,
      isWorks: false,
    });
    // 150 000 € ≥ 140 000 € (State) although < 216 000 € (local).
    expect(result).toMatchObject({
      kind: 'formalised',
      formalisedBasis: 'state',
      isMixedStateLocal: true,
      formalisedThresholdCents: euros(140_000),
    });
    expect(result.articles).toEqual(expect.arrayContaining(['L2124-1', 'R2131-16']));
    expect(result.explanation).toMatch(/plus strict \(État/);
    expect(result.needsVerification).toBe(false);
  });

  it('uses the works thresholds for works', () => {
    const works = (amount: number) =>
      resolveProcedure({
        members: [member('a', 'departement', amount)],
        term: ONE_YEAR,
        launchDate: '2026-06-01',
        table: THRESHOLD_TABLE,
        isWorks: true,
      }).kind;
    expect([works(99_999), works(100_000), works(5_403_999), works(5_404_000)]).toEqual([
      'dispense',
      'mapa_publicity',
      'mapa_publicity',
      'formalised',
    ]);
  });

  it('lists the members that move to a heavier procedure by pooling', () => {
    // Each commune alone: 30 000 € < 60 000 € → dispense; together 60 000 € → MAPA (R2123-1).
    const result = resolveProcedure({
      members: [member('a', 'commune', 30_000), member('b', 'commune', 30_000), member('c', 'commune', 0)],
      term: ONE_YEAR,
      launchDate: '2026-06-01',
      table: THRESHOLD_TABLE,
      isWorks: false,
    });
    expect(result.kind).toBe('mapa');
    expect(result.articles).toContain('R2123-1');
    expect(result.thresholdCrossed).toEqual({
      isCrossed: true,
      members: [
        { organizationId: 'a', aloneKind: 'dispense', aloneValueCents: euros(30_000) },
        { organizationId: 'b', aloneKind: 'dispense', aloneValueCents: euros(30_000) },
        { organizationId: 'c', aloneKind: 'dispense', aloneValueCents: 0 },
      ],
    });
  });

  it('refuses a launch date the threshold table does not cover', () => {
    expect(() =>
      resolveProcedure({
        members: [member('a', 'commune', 1)],
        term: ONE_YEAR,
        launchDate: '2028-01-01',
        table: THRESHOLD_TABLE,
        isWorks: false,
      }),
    ).toThrow(/Aucune version de seuils/);
  });
});

describe('THRESHOLD_TABLE', () => {
  it('covers 2024-01-01 to 2027-12-31 without gaps; values read in the avis are not flagged, carried-forward ones are', () => {
    for (const date of ['2024-01-01', '2025-12-31', '2026-01-01', '2026-03-31', '2026-04-01', '2027-12-31']) {
      expect(findThresholdVersion(THRESHOLD_TABLE, date)).toBeDefined();
    }
    // The 2026 avis was confirmed (idcite.com summary of the JORF avis, 5 404 000 € for concessions and works).
    expect(THRESHOLD_TABLE.map((v) => v.formalisedLocal.verify)).toEqual([false, false, false]);
    expect(THRESHOLD_TABLE.map((v) => v.formalisedLocal.amountCents / 100)).toEqual([221_000, 216_000, 216_000]);
    const carried = carryThresholdsForward(THRESHOLD_TABLE);
    const beyond = findThresholdVersion(carried, '2028-06-01');
    expect(beyond?.formalisedLocal).toMatchObject({ amountCents: 216_000 * 100, verify: true });
  });
});
