import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../pooling/test-builders';
import { type AlignCalendarOptions, alignCalendar, type CalendarMember } from './align-calendar';
import { contractEntryWindow } from './contract-entry-window';
import { addDays, diffDays } from './iso-date';
import { DEFAULT_LEAD_TIMES, totalLeadDays } from './lead-times';

const member = (organizationId: string, euros: number, kind: CalendarMember['kind'] = 'commune'): CalendarMember => ({
  organizationId,
  name: `Commune ${organizationId}`,
  kind,
  annualAmountCents: euros * 100,
});
const NOW = '2026-01-15';
// A: started 2023-10-01, two renewals used → current period ends 2026-09-30, notice deadline 2026-06-30 not passed:
//    E = 2026-10-01, L = 2027-10-01.
const contractA = buildContract({ id: 'ca', organizationId: 'A', startDate: '2023-10-01', renewalsUsed: 2 });
// B: started 2024-01-01, data says one renewal used but 2026-01-01 has passed → the period to 2026-12-31 runs:
//    E = 2027-01-01, L = 2028-01-01.
const contractB = buildContract({ id: 'cb', organizationId: 'B', startDate: '2024-01-01', renewalsUsed: 1 });
const base: AlignCalendarOptions = {
  members: [member('A', 20_000), member('B', 12_000), member('C', 5_500)],
  contracts: [contractA, contractB],
  now: NOW,
  procedureKind: 'mapa_publicity',
  leadTimes: DEFAULT_LEAD_TIMES,
  toleranceDays: 60,
  quorumShare: 0.5,
};

describe('contractEntryWindow', () => {
  it.each([
    { contract: contractA, earliest: '2026-10-01', latest: '2027-10-01', automatic: false },
    { contract: contractB, earliest: '2027-01-01', latest: '2028-01-01', automatic: false },
    // Notice date of the period ending 2026-01-31 (2025-10-31) has passed → next renewal automatic, E = 2027-02-01.
    {
      contract: buildContract({ id: 'x', organizationId: 'X', startDate: '2025-02-01' }),
      earliest: '2027-02-01',
      latest: '2029-02-01',
      automatic: true,
    },
  ])('computes E = $earliest and L = $latest', ({ contract, earliest, latest, automatic }) => {
    const w = contractEntryWindow(contract, NOW);
    expect([w.earliestEntry, w.latestEntry, w.isNextRenewalAutomatic]).toEqual([earliest, latest, automatic]);
  });
});

describe('alignCalendar', () => {
  /*
   * Lead for a MAPA with publicity: 90 + 15 + 15 + 75 + 30 = 225 days → t ≥ 2026-08-28.
   * Candidates max(2026-08-28, E − 60 days): A 2026-08-28, C (no contract) 2026-08-28, B 2026-11-02.
   * Value 37 500 €, quorum 50 % = 18 750 €: A alone (20 000 €) reaches it at 2026-08-28.
   * Start wave A, C; B joins later on 2027-01-01. A must not renew (deadline 2026-06-30, 3 months' notice).
   * Backward: award 2026-07-29, launch 2026-05-15, convention 2026-04-30, deliberations 2026-04-15.
   */
  it('chooses the start, the waves, the actions and the backward schedule of the salt case', () => {
    const result = alignCalendar(base);
    expect(result.minStartDate).toBe('2026-08-28');
    expect(result.startDate).toBe('2026-08-28');
    expect(result.waves).toEqual([
      { kind: 'start', date: '2026-08-28', organizationIds: ['A', 'C'] },
      { kind: 'later', date: '2027-01-01', organizationIds: ['B'] },
    ]);
    expect(result.members.find((m) => m.organizationId === 'A')?.actions).toEqual([
      'Ne pas reconduire le marché M-ca : notifier la non-reconduction avant le 30 juin 2026 (préavis de 3 mois), fin au 30 septembre 2026.',
    ]);
    expect(result.schedule.map((s) => [s.step, s.date, s.organizationId])).toEqual([
      ['deliberation', '2026-04-15', 'A'],
      ['deliberation', '2026-04-15', 'C'],
      ['convention_signed', '2026-04-30', null],
      ['consultation_launch', '2026-05-15', null],
      ['award', '2026-07-29', null],
      ['start', '2026-08-28', null],
    ]);
  });

  it('waits for B when the quorum is the whole value, and bridges a member whose contract ends too early', () => {
    // Quorum 100 %: t = B's candidate 2026-11-02. A exits 2026-10-01, 32 days before t: within the tolerance, no bridge.
    expect(alignCalendar({ ...base, quorumShare: 1 }).startDate).toBe('2026-11-02');
    // Tolerance 0: t = 2027-01-01; A's last exit ≤ t is 2026-10-01 → 92 days → relais of ceil(92 / 30.44) = 4 months.
    const strict = alignCalendar({ ...base, quorumShare: 1, toleranceDays: 0 });
    expect(strict.startDate).toBe('2027-01-01');
    const a = strict.members.find((m) => m.organizationId === 'A');
    expect(a?.bridgeMonths).toBe(4);
    expect(a?.actions[1]).toMatch(/^Marché relais court de 4 mois pour Commune A/);
  });

  it('moves a postponed member to the later wave', () => {
    // C postpones 6 months: E_C = 2027-02-28; A still reaches the quorum on 2026-08-28, so C joins later with B.
    const result = alignCalendar({ ...base, delayMonths: { C: 6 } });
    expect(result.startDate).toBe('2026-08-28');
    expect(result.waves.map((w) => w.organizationIds)).toEqual([['A'], ['B', 'C']]);
  });
});

const contractArb = fc.record({
  startOffset: fc.integer({ min: -1500, max: 300 }),
  durationMonths: fc.integer({ min: 1, max: 36 }),
  renewalCount: fc.integer({ min: 0, max: 3 }),
  renewalMonths: fc.integer({ min: 6, max: 24 }),
  noticeMonths: fc.integer({ min: 0, max: 6 }),
  amount: fc.integer({ min: 0, max: 100_000 }),
  hasContract: fc.boolean(),
});
const optionsArb = fc
  .tuple(
    fc.array(contractArb, { minLength: 1, maxLength: 6 }),
    fc.double({ min: 0.1, max: 1, noNaN: true }),
    fc.integer({ min: 0, max: 120 }),
    fc.constantFrom('mapa', 'formalised' as const),
  )
  .map(
    ([rows, quorumShare, toleranceDays, procedureKind]): AlignCalendarOptions => ({
      ...base,
      quorumShare,
      toleranceDays,
      procedureKind,
      members: rows.map((r, i) => member(`m${i}`, r.amount)),
      contracts: rows.flatMap((r, i) =>
        r.hasContract ? [buildContract({ id: `c${i}`, organizationId: `m${i}`, startDate: addDays(NOW, r.startOffset), ...r })] : [],
      ),
    }),
  );

describe('alignCalendar invariants', () => {
  it('never starts before now + lead and puts each member in exactly one wave', () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        const result = alignCalendar(options);
        expect(diffDays(NOW, result.startDate)).toBeGreaterThanOrEqual(totalLeadDays(DEFAULT_LEAD_TIMES, options.procedureKind));
        const inWaves = result.waves.flatMap((w) => w.organizationIds).sort();
        expect(inWaves).toEqual(options.members.map((m) => m.organizationId).sort());
      }),
    );
  });

  it('never moves the start earlier when a member postpones', () => {
    fc.assert(
      fc.property(optionsArb, fc.nat({ max: 5 }), fc.integer({ min: 1, max: 24 }), (options, who, months) => {
        const id = options.members[who % options.members.length]?.organizationId ?? 'm0';
        const before = alignCalendar(options).startDate;
        const after = alignCalendar({ ...options, delayMonths: { [id]: months } }).startDate;
        expect(after >= before).toBe(true);
      }),
    );
  });
});
