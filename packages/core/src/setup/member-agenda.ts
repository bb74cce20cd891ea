import { contractEntryWindow, nonRenewalDeadline } from '../calendar/contract-entry-window';
import { addDays, formatDateFr } from '../calendar/iso-date';
import type { IsoDate, RunningContract } from '../domain/types';
import type { CensusCampaign } from './census-campaign';

export type AgendaItemKind = 'census_deadline' | 'non_renewal_notice' | 'contract_end';

/** One dated thing a member buyer must do or know. */
export interface AgendaItem {
  date: IsoDate;
  kind: AgendaItemKind;
  title: string;
  detail: string;
  contractId: string | null;
  /** The date has passed and the action is still due (an unanswered census). */
  isOverdue: boolean;
}

export interface BuildMemberAgendaOptions {
  contracts: readonly RunningContract[];
  /** The territory's open census campaign, if any. */
  campaign: CensusCampaign | null;
  /** The member's organization already answered the campaign. */
  hasAnswered: boolean;
  now: IsoDate;
  /** Contract dates further than this many days are left out (default 365). */
  horizonDays?: number;
}

/**
 * A member buyer's deadlines, soonest first: the census to answer, the last day to notify the
 * non-renewal of each running contract whose tacit renewal is still possible (period end minus the
 * notice), and the final end of contracts with no renewal left (time to re-tender).
 */
export function buildMemberAgenda({ contracts, campaign, hasAnswered, now, horizonDays = 365 }: BuildMemberAgendaOptions): AgendaItem[] {
  const horizon = addDays(now, horizonDays);
  const items: AgendaItem[] = [];
  if (campaign && campaign.closedAt === null && !hasAnswered) {
    items.push({
      date: campaign.deadline,
      kind: 'census_deadline',
      title: `Répondre au recensement « ${campaign.title} »`,
      detail: `Saisissez ou importez vos besoins, puis confirmez votre réponse avant le ${formatDateFr(campaign.deadline)}.`,
      contractId: null,
      isOverdue: now > campaign.deadline,
    });
  }
  for (const contract of contracts) {
    const item = contractItem(contract, now);
    if (item && item.date >= now && item.date <= horizon) items.push(item);
  }
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title.localeCompare(b.title, 'fr')));
}

function contractItem(contract: RunningContract, now: IsoDate): AgendaItem | null {
  const window = contractEntryWindow(contract, now);
  if (window.hasEnded) return null;
  const name = `« ${contract.label} » (${contract.reference})`;
  if (window.earliestEntry < window.latestEntry) {
    const nextEnd = addDays(window.exitDates[1] ?? window.latestEntry, -1);
    return {
      date: nonRenewalDeadline(window.earliestEntry, contract.noticeMonths),
      kind: 'non_renewal_notice',
      title: `Dernier jour pour notifier la non-reconduction de ${name}`,
      detail: `Sans notification, le contrat est reconduit jusqu’au ${formatDateFr(nextEnd)} ; sinon il prend fin le ${formatDateFr(addDays(window.earliestEntry, -1))}.`,
      contractId: contract.id,
      isOverdue: false,
    };
  }
  return {
    date: addDays(window.latestEntry, -1),
    kind: 'contract_end',
    title: `Fin du contrat ${name}`,
    detail: 'Plus aucune reconduction possible : préparez sa remise en concurrence, seul ou en groupement.',
    contractId: contract.id,
    isOverdue: false,
  };
}
