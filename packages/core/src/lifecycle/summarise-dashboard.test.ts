import { describe, expect, it } from 'vitest';
import { buildContract } from '../pooling/test-builders';
import type { SavingsTotals } from './compute-savings-pipeline';
import { type DashboardGroupement, summariseDashboard } from './summarise-dashboard';

const totals = (overrides: Partial<SavingsTotals> = {}): SavingsTotals => ({
  baselineCents: 2_000_000,
  estimated: { low: 10_000, central: 50_000, high: 90_000 },
  committedSpendCents: 1_650_000,
  committedSavingsCents: 350_000,
  committedKnownCents: 350_000,
  committedUnknown: null,
  realisedSpendCents: 154_000,
  realisedSavingsCents: 30_000,
  realisedKnownCents: 30_000,
  realisedUnknown: null,
  ...overrides,
});

function buildDashboardGroupement(overrides: Partial<DashboardGroupement> = {}): DashboardGroupement {
  return {
    id: 'g1',
    name: 'Sel',
    familyName: 'Sel de déneigement',
    status: 'running',
    plannedLaunchOn: null,
    savings: totals(),
    awards: [],
    ...overrides,
  };
}

describe('summariseDashboard', () => {
  const groupements = [
    buildDashboardGroupement({
      awards: [
        {
          lotLabel: 'Lot 1',
          holderName: 'Salins locaux',
          holderDepartementCode: '16',
          holderIsSme: true,
          committedSpendCents: 600_000,
          endOn: '2027-06-30',
        },
        {
          lotLabel: 'Lot 2',
          holderName: 'Grand groupe',
          holderDepartementCode: '75',
          holderIsSme: false,
          committedSpendCents: 1_400_000,
          endOn: '2028-06-30',
        },
      ],
    }),
    buildDashboardGroupement({ id: 'g2', name: 'Papier', status: 'signed', plannedLaunchOn: '2026-09-01', savings: null }),
    buildDashboardGroupement({ id: 'g3', name: 'Gants', status: 'draft', plannedLaunchOn: '2028-01-01', savings: null }),
  ];
  const dashboard = summariseDashboard({ now: '2026-07-01', departementCodes: ['16', '17'], groupements });

  it('sums pooled spend and savings of launched groupements only', () => {
    expect(dashboard).toMatchObject({
      pooledSpendCents: 2_000_000,
      savings: { estimated: { low: 10_000, central: 50_000, high: 90_000 }, committedCents: 350_000, realisedCents: 30_000 },
    });
  });

  it('shares the awarded spend between local firms and SMEs: 600 000 of 2 000 000 = 30 %', () => {
    expect(dashboard).toMatchObject({
      awardedSpendCents: 2_000_000,
      localSpendCents: 600_000,
      smeSpendCents: 600_000,
      localShare: 0.3,
      smeShare: 0.3,
    });
  });

  it('counts groupements by status in lifecycle order', () => {
    expect(dashboard.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: 'draft', count: 1 },
      { status: 'signed', count: 1 },
      { status: 'running', count: 1 },
    ]);
  });

  it('lists launches and contract ends of the next twelve months, by date', () => {
    expect(dashboard.calendar.map((e) => [e.kind, e.on, e.groupementName])).toEqual([
      ['launch', '2026-09-01', 'Papier'],
      ['contract_end', '2027-06-30', 'Sel'],
    ]);
  });

  it('lists the next non-renewal notice or end of each member contract of the family, within twelve months', () => {
    const contract = (id: string, overrides: Parameters<typeof buildContract>[0]) => ({
      organizationName: `Membre ${id}`,
      contract: buildContract(overrides),
    });
    const summary = summariseDashboard({
      now: '2026-07-01',
      departementCodes: ['16'],
      groupements: [
        buildDashboardGroupement({
          name: 'Carnets',
          status: 'awarded',
          memberContracts: [
            // Periods end 2026-08-31, 2027-08-31…; the notice of the first (3 months: by 2026-05-31) has passed,
            // so the next decision is to notify by 2027-05-31 for an end on 2027-08-31.
            contract('A', { id: 'A', reference: 'M-A', organizationId: 'a', startDate: '2025-09-01' }),
            // Both renewals used: the contract ends on 2026-12-31 whatever is notified.
            contract('B', { id: 'B', reference: 'M-B', organizationId: 'b', startDate: '2024-01-01', renewalCount: 2, renewalsUsed: 2 }),
            // First period ends 2028-05-31: its notice (by 2028-02-29) is beyond the twelve months.
            contract('C', { id: 'C', reference: 'M-C', organizationId: 'c', startDate: '2026-06-01', durationMonths: 24 }),
            // An undated DECP record has a stand-in start: no calendar uses it.
            contract('D', {
              id: 'D',
              reference: 'M-D',
              organizationId: 'd',
              startDate: '2025-09-01',
              decpFlags: [{ code: 'undated', value: '2025-09-01', year: null, yearSource: null, publishedDate: null }],
            }),
          ],
        }),
        buildDashboardGroupement({
          id: 'g9',
          name: 'Clos',
          status: 'closed',
          memberContracts: [contract('E', { id: 'E', reference: 'M-E', organizationId: 'e', startDate: '2025-09-01' })],
        }),
      ],
    });
    expect(summary.calendar.map((e) => [e.kind, e.on, e.label])).toEqual([
      ['member_contract_end', '2026-12-31', 'Fin du marché en cours M-B (Membre B), toutes reconductions utilisées'],
      [
        'non_renewal_notice',
        '2027-05-31',
        'Préavis de non-reconduction du marché M-A (Membre A) : dernier jour pour le notifier, fin au 31 août 2027',
      ],
    ]);
  });

  it('shows realised savings as unknown, naming the groupement and why, when one of them cannot be computed', () => {
    // Sel realises 30 000; Gants has a consumption line without quantity: the territory total is unknown, not 30 000.
    const reason =
      'Inconnue pour 1 ligne(s) : consommation saisie sans quantité (2026-08) : l’économie réalisée ne peut pas être calculée.';
    const summary = summariseDashboard({
      now: '2026-07-01',
      departementCodes: ['16'],
      groupements: [
        buildDashboardGroupement(),
        buildDashboardGroupement({
          id: 'g2',
          name: 'Gants',
          savings: totals({ realisedSavingsCents: null, realisedKnownCents: 0, realisedUnknown: reason }),
        }),
      ],
    });
    expect(summary.savings).toMatchObject({
      realisedCents: null,
      realisedKnownCents: 30_000,
      realisedUnknown: `« Gants » — ${reason}`,
      committedCents: 700_000,
    });
  });

  it('has no local share when nothing is awarded', () => {
    expect(summariseDashboard({ now: '2026-07-01', departementCodes: ['16'], groupements: [] })).toMatchObject({
      localShare: null,
      smeShare: null,
    });
  });
});
