import { describe, expect, it } from 'vitest';
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
