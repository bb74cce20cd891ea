import { formatDateFr } from '../calendar/iso-date';
import type { IsoDate } from '../domain/types';
import type { CensusAnswerStatus } from './census-campaign';

/** What the facilitator's first screen counts in its territory. */
export interface TerritorySetupState {
  buyerCount: number;
  firmCount: number;
  /** Accounts acting for a buyer organization (members), invited or active. */
  memberAccountCount: number;
  /** Accounts whose invitation is not accepted yet. */
  pendingInvitationCount: number;
  needCount: number;
  /** The open campaign, or the latest closed one; null when none was ever opened. */
  campaign: { title: string; deadline: IsoDate; isOpen: boolean; counts: Record<CensusAnswerStatus, number> } | null;
  pendingAccountRequestCount: number;
  opportunityCount: number;
}

export type NextStepKey = 'organizations' | 'accounts' | 'census' | 'account_requests' | 'opportunities';
export type NextStepState = 'todo' | 'in_progress' | 'done';

export interface NextStep {
  key: NextStepKey;
  state: NextStepState;
  title: string;
  detail: string;
}

/** French: 0 and 1 take the singular. */
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * The facilitator's "what to do next", in the order a territory is set up: organizations, their
 * accounts, a census campaign, firms asking for access, then the opportunities found.
 */
export function facilitatorNextSteps(state: TerritorySetupState): NextStep[] {
  const steps: NextStep[] = [organizationsStep(state), accountsStep(state), censusStep(state)];
  if (state.pendingAccountRequestCount > 0) {
    steps.push({
      key: 'account_requests',
      state: 'todo',
      title: 'Examiner les demandes d’accès des entreprises',
      detail: `${plural(state.pendingAccountRequestCount, 'demande attend', 'demandes attendent')} votre décision.`,
    });
  }
  steps.push({
    key: 'opportunities',
    state: state.opportunityCount > 0 ? 'in_progress' : 'todo',
    title: 'Examiner les opportunités de mutualisation',
    detail:
      state.opportunityCount > 0
        ? `${plural(state.opportunityCount, 'opportunité trouvée', 'opportunités trouvées')} dans les besoins recensés.`
        : 'Elles apparaissent dès que deux acheteurs recensent des besoins d’une même famille.',
  });
  return steps;
}

function organizationsStep(state: TerritorySetupState): NextStep {
  return {
    key: 'organizations',
    state: state.buyerCount >= 2 ? 'done' : state.buyerCount === 1 ? 'in_progress' : 'todo',
    title: 'Ajouter les organisations du territoire',
    detail:
      state.buyerCount === 0
        ? 'Ajoutez les acheteurs publics par leur SIRET : il en faut au moins deux pour mutualiser.'
        : `${plural(state.buyerCount, 'acheteur public', 'acheteurs publics')} et ${plural(state.firmCount, 'entreprise', 'entreprises')}.`,
  };
}

function accountsStep(state: TerritorySetupState): NextStep {
  const pending =
    state.pendingInvitationCount > 0
      ? ` ${plural(state.pendingInvitationCount, 'invitation attend', 'invitations attendent')} une réponse.`
      : '';
  return {
    key: 'accounts',
    state: state.memberAccountCount === 0 ? 'todo' : state.pendingInvitationCount > 0 ? 'in_progress' : 'done',
    title: 'Inviter les acheteurs',
    detail:
      state.memberAccountCount === 0
        ? 'Invitez au moins une personne par organisation : elle recensera ses besoins et ses contrats.'
        : `${plural(state.memberAccountCount, 'compte acheteur', 'comptes acheteurs')}.${pending}`,
  };
}

function censusStep(state: TerritorySetupState): NextStep {
  const campaign = state.campaign;
  if (campaign === null) {
    return {
      key: 'census',
      state: 'todo',
      title: 'Ouvrir une campagne de recensement',
      detail: 'Choisissez les familles d’achat et une date limite : les membres sont prévenus.',
    };
  }
  const total = campaign.counts.answered + campaign.counts.in_progress + campaign.counts.not_started;
  const answered = `${campaign.counts.answered} sur ${total} ${campaign.counts.answered > 1 ? 'ont répondu' : 'a répondu'}`;
  if (!campaign.isOpen) {
    return { key: 'census', state: 'done', title: `Recensement « ${campaign.title} » clos`, detail: `${answered}.` };
  }
  return {
    key: 'census',
    state: campaign.counts.answered === total && total > 0 ? 'done' : 'in_progress',
    title: `Suivre le recensement « ${campaign.title} »`,
    detail: `Date limite le ${formatDateFr(campaign.deadline)} : ${answered}.`,
  };
}
