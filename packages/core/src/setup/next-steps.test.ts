import { describe, expect, it } from 'vitest';
import { facilitatorNextSteps, type TerritorySetupState } from './next-steps';

const empty: TerritorySetupState = {
  buyerCount: 0,
  firmCount: 0,
  memberAccountCount: 0,
  pendingInvitationCount: 0,
  needCount: 0,
  campaign: null,
  pendingAccountRequestCount: 0,
  opportunityCount: 0,
};

describe('facilitatorNextSteps', () => {
  it('starts a new territory with its organizations', () => {
    expect(facilitatorNextSteps(empty).map((s) => [s.key, s.state])).toEqual([
      ['organizations', 'todo'],
      ['accounts', 'todo'],
      ['census', 'todo'],
      ['opportunities', 'todo'],
    ]);
  });

  it('follows a territory under way', () => {
    const steps = facilitatorNextSteps({
      ...empty,
      buyerCount: 2,
      firmCount: 1,
      memberAccountCount: 3,
      pendingInvitationCount: 1,
      campaign: {
        title: 'Recensement 2027',
        deadline: '2027-01-31',
        isOpen: true,
        counts: { answered: 1, in_progress: 0, not_started: 1 },
      },
      pendingAccountRequestCount: 2,
      opportunityCount: 1,
    });
    expect(steps.map((s) => [s.key, s.state, s.detail])).toEqual([
      ['organizations', 'done', '2 acheteurs publics et 1 entreprise.'],
      ['accounts', 'in_progress', '3 comptes acheteurs. 1 invitation attend une réponse.'],
      ['census', 'in_progress', 'Date limite le 31 janvier 2027 : 1 sur 2 a répondu.'],
      ['account_requests', 'todo', '2 demandes attendent votre décision.'],
      ['opportunities', 'in_progress', '1 opportunité trouvée dans les besoins recensés.'],
    ]);
  });
});
