import type { IsoDate, Need, Organization, PurchaseFamily, RunningContract } from '../domain/types';
import { PUBLIC_BUYER_KINDS } from '../domain/types';
import { createFamilyResolver } from '../pooling/family-resolver';

/** A census campaign: the facilitator asks the territory's buyers for their needs by a deadline. */
export interface CensusCampaign {
  id: string;
  territoryId: string;
  title: string;
  /** The facilitator's words to the members (may be empty). */
  message: string;
  /** Last day to answer. */
  deadline: IsoDate;
  /** Purchase families in scope. */
  familyIds: string[];
  /** ISO timestamp. */
  openedAt: string;
  openedBy: string | null;
  closedAt: string | null;
}

/** A member organization that declared its census complete. */
export interface CensusCampaignResponse {
  campaignId: string;
  organizationId: string;
  answeredAt: string;
  answeredBy: string | null;
}

/** One reminder sent to one organization. */
export interface CensusCampaignReminder {
  id: string;
  campaignId: string;
  organizationId: string;
  sentAt: string;
  sentBy: string | null;
  /** E-mails sent (0 when e-mail is not configured: the reminder then shows on the member's screen only). */
  emailed: number;
}

/** answered: the member said its census is complete; in_progress: needs in scope but no answer; not_started: nothing yet. */
export type CensusAnswerStatus = 'answered' | 'in_progress' | 'not_started';

export interface OrganizationCensusProgress {
  organizationId: string;
  name: string;
  status: CensusAnswerStatus;
  answeredAt: string | null;
  /** Needs of the organization in the campaign's families (proposed and rejected needs left out). */
  needCount: number;
  /** Running contracts of the organization in the campaign's families. */
  contractCount: number;
  /** Families in scope for which the organization has no need. */
  missingFamilies: { id: string; name: string }[];
  lastRemindedAt: string | null;
  reminderCount: number;
}

export interface CensusCampaignSummary {
  organizations: OrganizationCensusProgress[];
  counts: Record<CensusAnswerStatus, number>;
  /** True once the deadline has passed (the day after it, at `now`). */
  isPastDeadline: boolean;
}

export interface SummarizeCensusCampaignOptions {
  campaign: CensusCampaign;
  /** The territory's organizations; only public buyers are asked. */
  organizations: readonly Organization[];
  needs: readonly Need[];
  runningContracts: readonly RunningContract[];
  /** Every family the territory knows (the campaign's are picked by id). */
  families: readonly PurchaseFamily[];
  responses: readonly CensusCampaignResponse[];
  reminders: readonly CensusCampaignReminder[];
  now: IsoDate;
}

/**
 * Who answered a census campaign and what is missing: per public buyer, its needs and contracts
 * in the campaign's families (a need belongs to a family by its CPV code or a keyword of its label,
 * as in the pooling), the families it has said nothing about, and the reminders it got.
 */
export function summarizeCensusCampaign(options: SummarizeCensusCampaignOptions): CensusCampaignSummary {
  const { campaign } = options;
  const scope = options.families.filter((f) => campaign.familyIds.includes(f.id));
  const resolver = createFamilyResolver({ families: scope, level: 'division' });
  const familyIdOf = (cpvCode: string, label: string): string | null =>
    resolver.families[resolver.resolve(cpvCode, label)]?.familyId ?? null;
  const responses = new Map(options.responses.filter((r) => r.campaignId === campaign.id).map((r) => [r.organizationId, r]));
  const buyers = options.organizations.filter((o) => PUBLIC_BUYER_KINDS.includes(o.kind));
  const progress = buyers.map((organization): OrganizationCensusProgress => {
    const needFamilies = options.needs
      .filter((n) => n.organizationId === organization.id && n.status !== 'rejected' && n.status !== 'proposed')
      .map((n) => familyIdOf(n.cpvCode, n.label))
      .filter((id): id is string => id !== null);
    const contractCount = options.runningContracts.filter(
      (c) => c.organizationId === organization.id && familyIdOf(c.cpvCode, c.label) !== null,
    ).length;
    const reminders = options.reminders.filter((r) => r.campaignId === campaign.id && r.organizationId === organization.id);
    const response = responses.get(organization.id);
    const covered = new Set(needFamilies);
    return {
      organizationId: organization.id,
      name: organization.name,
      status: response ? 'answered' : needFamilies.length > 0 ? 'in_progress' : 'not_started',
      answeredAt: response?.answeredAt ?? null,
      needCount: needFamilies.length,
      contractCount,
      missingFamilies: scope.filter((f) => !covered.has(f.id)).map((f) => ({ id: f.id, name: f.name })),
      lastRemindedAt: reminders.reduce<string | null>((latest, r) => (latest === null || r.sentAt > latest ? r.sentAt : latest), null),
      reminderCount: reminders.length,
    };
  });
  const sorted = progress.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.organizationId.localeCompare(b.organizationId));
  const counts: Record<CensusAnswerStatus, number> = { answered: 0, in_progress: 0, not_started: 0 };
  for (const p of sorted) counts[p.status] += 1;
  return { organizations: sorted, counts, isPastDeadline: options.now > campaign.deadline };
}
