import { describe, expect, it } from 'vitest';
import { buildContract } from '../pooling/test-builders';
import type { CensusCampaign } from './census-campaign';
import { buildMemberAgenda } from './member-agenda';

const campaign: CensusCampaign = {
  id: 'c1',
  territoryId: 't1',
  title: 'Recensement 2027',
  message: '',
  deadline: '2027-01-31',
  familyIds: ['fam-salt'],
  openedAt: '2026-12-01T09:00:00.000Z',
  openedBy: null,
  closedAt: null,
};

describe('buildMemberAgenda', () => {
  // Started 2025-03-01 for 12 months, 3 renewals of 12 months, 3 months' notice, none used yet. At 2026-12-06 the first
  // period (ends 2026-02-28) has passed, so it was renewed; the current period ends 2027-02-28, the exit date is
  // 2027-03-01 and its notice falls 3 months earlier minus a day: 2026-11-30, already past. The next exit is 2028-03-01,
  // notice by 2027-11-30; without it, the contract runs until 2029-02-28.
  const renewable = buildContract({ id: 'k1', organizationId: 'o', startDate: '2025-03-01', label: 'Sel', reference: 'SEL-25' });
  // Started 2024-07-01 for 36 months, no renewal: ends 2027-06-30.
  const ending = buildContract({
    id: 'k2',
    organizationId: 'o',
    startDate: '2024-07-01',
    durationMonths: 36,
    renewalCount: 0,
    renewalMonths: 0,
  });
  // Ended 2026-06-30: nothing to do.
  const ended = buildContract({
    id: 'k3',
    organizationId: 'o',
    startDate: '2025-07-01',
    durationMonths: 12,
    renewalCount: 0,
    renewalMonths: 0,
  });

  it('lists the census to answer, notices and ends, soonest first', () => {
    const items = buildMemberAgenda({ contracts: [renewable, ending, ended], campaign, hasAnswered: false, now: '2026-12-06' });
    expect(items.map((i) => [i.date, i.kind, i.contractId])).toEqual([
      ['2027-01-31', 'census_deadline', null],
      ['2027-06-30', 'contract_end', 'k2'],
      ['2027-11-30', 'non_renewal_notice', 'k1'],
    ]);
    expect(items[2]?.title).toBe('Dernier jour pour notifier la non-reconduction de « Sel » (SEL-25)');
    expect(items[2]?.detail).toBe(
      'Sans notification, le contrat est reconduit jusqu’au 28 février 2029 ; sinon il prend fin le 29 février 2028.',
    );
  });

  it('drops the census once answered, and dates beyond the horizon', () => {
    const items = buildMemberAgenda({ contracts: [renewable, ending], campaign, hasAnswered: true, now: '2026-12-06', horizonDays: 300 });
    expect(items.map((i) => i.kind)).toEqual(['contract_end']);
  });

  it('marks an unanswered census overdue after its deadline', () => {
    const [item] = buildMemberAgenda({ contracts: [], campaign, hasAnswered: false, now: '2027-02-02' });
    expect(item).toMatchObject({ kind: 'census_deadline', isOverdue: true });
  });
});
