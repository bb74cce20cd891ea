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
   * Earliest entries E: C (no contract) 2026-08-28, A 2026-10-01, B 2027-01-01.
   * Value 37 500 €, quorum 50 % = 18 750 €: C (5 500 €) + A (20 000 €) reach it at E_A → t = 2026-10-01.
   * A exits exactly then (no renewal, deadline 2026-06-30, 3 months' notice); C enters at t;
   * B's contract cannot end before 2027-01-01: B is a member of the one procedure from the start but
   * enters then (entrée différée), not in a new procedure.
   * Backward from 2026-10-01: award −30 d = 2026-09-01, launch −75 d = 2026-06-18, convention −15 d =
   * 2026-06-03, deliberations of all three members −15 d = 2026-05-19.
   */
  it('starts when the quorum can enter and defers the entry of a member bound by its contract', () => {
    const result = alignCalendar(base);
    expect(result.minStartDate).toBe('2026-08-28');
    expect(result.startDate).toBe('2026-10-01');
    expect(result.waves).toEqual([
      { kind: 'start', date: '2026-10-01', organizationIds: ['A', 'C'] },
      { kind: 'later', date: '2027-01-01', organizationIds: ['B'] },
    ]);
    expect(result.members.map((m) => [m.organizationId, m.earliestEntry, m.joinDate, m.bridges.length])).toEqual([
      ['A', '2026-10-01', '2026-10-01', 0],
      ['B', '2027-01-01', '2027-01-01', 0],
      ['C', '2026-08-28', '2026-10-01', 0],
    ]);
    expect(result.members.find((m) => m.organizationId === 'A')?.actions).toEqual([
      'Entre dans l’accord-cadre dès son démarrage, le 1er octobre 2026.',
      'Ne pas reconduire le marché M-ca : notifier la non-reconduction avant le 30 juin 2026 (préavis de 3 mois), fin au 30 septembre 2026. Sans coût.',
    ]);
    expect(result.members.find((m) => m.organizationId === 'B')?.actions[0]).toMatch(/^Entrée différée le 1er janvier 2027, à l’échéance/);
    expect(result.schedule.map((s) => [s.step, s.date, s.organizationId])).toEqual([
      ['deliberation', '2026-05-19', 'A'],
      ['deliberation', '2026-05-19', 'B'],
      ['deliberation', '2026-05-19', 'C'],
      ['convention_signed', '2026-06-03', null],
      ['consultation_launch', '2026-06-18', null],
      ['award', '2026-09-01', null],
      ['start', '2026-10-01', null],
    ]);
  });

  it('bridges a member whose contract ends before the start, sized to the day, with its cost and deadline', () => {
    // Quorum 100 %: t = E_B = 2027-01-01. A's exits: 2026-10-01 ≤ t < 2027-10-01, 273 days after t (> 60):
    // A does not renew and bridges 2026-10-01 → 2027-01-01 = 3 months exactly (92 days):
    // 20 000 € × 92 / 365 = 5 041,10 € → dispense (< 60 000 €, seuils-2026-04), ordered 30 + 30 days before: 2026-08-02.
    const result = alignCalendar({ ...base, quorumShare: 1 });
    expect(result.startDate).toBe('2027-01-01');
    const a = result.members.find((m) => m.organizationId === 'A');
    expect(a?.bridges).toEqual([
      {
        form: 'contract',
        contractIds: ['ca'],
        references: ['M-ca'],
        from: '2026-10-01',
        until: '2027-01-01',
        months: 3,
        days: 0,
        amountCents: 504_110,
        procedureKind: 'dispense',
        thresholdVersionId: 'seuils-2026-04',
        launchBy: '2026-08-02',
      },
    ]);
    expect(a?.bridgeMonths).toBe(3);
    expect(a?.actions[2]).toBe(
      'Marché relais de 3 mois pour la Commune A (du 1er octobre 2026 au 31 décembre 2026, à la suite de M-ca), environ 5 041 € HT : marché sans publicité ni mise en concurrence préalables (dispense) selon ce seul montant (seuils « seuils-2026-04 ») ; à commander au plus tard le 2 août 2026.',
    );
  });

  it('extends the running contract by amendment when the gap is a small modification (R2194-8)', () => {
    // A's contract was awarded for 80 000 €: 10 % = 8 000 € > 5 041 € and < 216 000 € → amendment, signed a month before 2026-10-01.
    const contracts = [{ ...contractA, amountCents: 8_000_000 }, contractB];
    const a = alignCalendar({ ...base, contracts, quorumShare: 1 }).members.find((m) => m.organizationId === 'A');
    expect(a?.bridges.map((b) => [b.form, b.months, b.days, b.amountCents, b.launchBy])).toEqual([
      ['amendment', 3, 0, 504_110, '2026-09-01'],
    ]);
    expect(a?.actions[2]).toMatch(/^Prolonger le marché M-ca par avenant de 3 mois \(du 1er octobre 2026 au 31 décembre 2026\)/);
    // At 40 000 €, 10 % = 4 000 € < 5 041 €: a bridge contract again.
    const small = [{ ...contractA, amountCents: 4_000_000 }, contractB];
    expect(alignCalendar({ ...base, contracts: small, quorumShare: 1 }).members[0]?.bridges[0]?.form).toBe('contract');
  });

  it('renews until an exit within the tolerance after the start rather than pass a bridge contract', () => {
    // Tolerance 273 days: A's next exit 2027-10-01 is 273 days after t = 2027-01-01 → A renews and enters then.
    const result = alignCalendar({ ...base, quorumShare: 1, toleranceDays: 273 });
    expect(result.waves).toEqual([
      { kind: 'start', date: '2027-01-01', organizationIds: ['B', 'C'] },
      { kind: 'later', date: '2027-10-01', organizationIds: ['A'] },
    ]);
    const a = result.members.find((m) => m.organizationId === 'A');
    expect(a?.bridges).toEqual([]);
    expect(a?.actions[1]).toBe('Le marché M-ca s’achève le 30 septembre 2027, toutes reconductions utilisées : aucune action.');
  });

  it('adds a member’s bridge gaps in one family into one bridge contract whose procedure follows their total (R2121-4)', () => {
    // D holds two contracts of the family ending 2026-07-01 (all renewals used): with t = 2027-01-01 (quorum 100 %),
    // each gap 2026-07-01 → 2027-01-01 is 184 days; D buys 120 000 € a year split 50/50 (equal unknown amounts):
    // 60 000 € × 184 / 365 = 30 246,575… € → 30 246,58 € each (rounded to the cent), 60 493,16 € together → MAPA (≥ 60 000 €), not two dispensed contracts.
    const ended = (id: string) => buildContract({ id, organizationId: 'D', startDate: '2025-07-01', renewalCount: 0 });
    const result = alignCalendar({
      ...base,
      members: [...base.members, member('D', 120_000)],
      contracts: [contractA, contractB, ended('d1'), ended('d2')],
      quorumShare: 1,
    });
    const d = result.members.find((m) => m.organizationId === 'D');
    expect(d?.bridges.map((b) => [b.form, b.contractIds, b.from, b.until, b.months, b.amountCents, b.procedureKind])).toEqual([
      ['contract', ['d1', 'd2'], '2026-07-01', '2027-01-01', 6, 6_049_316, 'mapa'],
    ]);
  });

  it('moves a postponed member to its own later entry', () => {
    // C postpones 6 months: E_C = 2026-08-28 + 6 months = 2027-02-28; A still reaches the quorum on 2026-10-01.
    const result = alignCalendar({ ...base, delayMonths: { C: 6 } });
    expect(result.startDate).toBe('2026-10-01');
    expect(result.waves.map((w) => [w.date, w.organizationIds])).toEqual([
      ['2026-10-01', ['A']],
      ['2027-01-01', ['B']],
      ['2027-02-28', ['C']],
    ]);
  });

  it('flags an entry after the end of the pooled contract', () => {
    // Term of 2 months: the pooled contract of 2026-10-01 ends 2026-12-01, before B enters on 2027-01-01.
    const b = alignCalendar({ ...base, termMonths: 2 }).members.find((m) => m.organizationId === 'B');
    expect(b?.isBeyondTerm).toBe(true);
    expect(b?.actions.at(-1)).toMatch(/^Attention : cette entrée tombe après la fin de l’accord-cadre mutualisé \(30 novembre 2026\)/);
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

  it('never lets a member enter before an exit its contracts can reach, unless a bridge covers the gap', () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        const result = alignCalendar(options);
        for (const entry of result.members) {
          expect(entry.joinDate >= result.startDate).toBe(true);
          for (const contract of options.contracts.filter((c) => c.organizationId === entry.organizationId)) {
            const w = contractEntryWindow(contract, options.now);
            if (w.hasEnded) continue;
            // The contract must be able to end by the entry (notice respected)…
            expect(w.earliestEntry <= entry.joinDate).toBe(true);
            // …and end exactly then, or a bridge covers it from the exit it takes up to the entry.
            if (w.exitDates.includes(entry.joinDate)) continue;
            const exit = w.exitDates.filter((d) => d <= entry.joinDate).at(-1);
            const bridge = entry.bridges.find((b) => b.contractIds.includes(contract.id));
            expect(bridge !== undefined && exit !== undefined && bridge.from <= exit && bridge.until === entry.joinDate).toBe(true);
          }
        }
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
