import type { CensusCampaignDto, CensusCampaignView } from '@mutualis/contract';
import {
  type CensusCampaign,
  type CensusCampaignSummary,
  DomainError,
  type PurchaseFamily,
  summarizeCensusCampaign,
  type Territory,
} from '@mutualis/core';
import type { ServerContext } from '../app/server-context';
import { loadTerritoryData } from '../analysis';
import type { Actor } from '../authz/actor';
import { censusOpenedMessage, censusReminderMessage, type MailMessage } from '../mail';

const EMPTY_COUNTS = { answered: 0, in_progress: 0, not_started: 0 };

/** The territory's current campaign with each buyer's progress; a member buyer sees its own organizations only. */
export async function loadCampaignView(ctx: ServerContext, actor: Actor, territory: Territory): Promise<CensusCampaignView> {
  const emailConfigured = ctx.mailer !== null;
  const campaign = await ctx.repos.censusCampaigns.getCurrent(territory.id);
  if (!campaign) return { campaign: null, organizations: [], counts: EMPTY_COUNTS, isPastDeadline: false, emailConfigured };
  const { summary, families } = await summarize(ctx, territory, campaign);
  const seesAll = actor.grants.some((g) => g.territoryId === territory.id && (g.role === 'facilitator' || g.role === 'observer'));
  const own = new Set(actor.grants.filter((g) => g.territoryId === territory.id).map((g) => g.organizationId));
  const organizations = seesAll ? summary.organizations : summary.organizations.filter((o) => own.has(o.organizationId));
  const counts = { ...EMPTY_COUNTS };
  for (const o of organizations) counts[o.status] += 1;
  return { campaign: presentCampaign(campaign, families), organizations, counts, isPastDeadline: summary.isPastDeadline, emailConfigured };
}

export interface OpenCampaignInput {
  title: string;
  deadline: string;
  familyIds: readonly string[];
  message: string;
}

/**
 * Opens a census campaign (one open at a time per territory) and tells every member buyer's account
 * by e-mail when the instance sends e-mail; members also see it on their first screen.
 */
export async function openCampaign(
  ctx: ServerContext,
  actor: Actor,
  territory: Territory,
  input: OpenCampaignInput,
  baseUrl: string,
): Promise<{ campaign: CensusCampaignDto; emailed: number }> {
  const today = ctx.now().toISOString().slice(0, 10);
  if (input.deadline < today) {
    throw DomainError.validation('Date limite passée.', [
      { field: 'deadline', reason: 'La date limite doit être aujourd’hui ou plus tard.' },
    ]);
  }
  const current = await ctx.repos.censusCampaigns.getCurrent(territory.id);
  if (current && current.closedAt === null) {
    throw new DomainError('conflict', `Le recensement « ${current.title} » est encore ouvert : clôturez-le avant d’en ouvrir un autre.`);
  }
  const data = await loadTerritoryData(ctx.repos, territory.slug);
  const unknown = input.familyIds.flatMap((id, i) =>
    data.families.some((f) => f.id === id) ? [] : [{ field: `familyIds.${i}`, reason: `Famille d’achat inconnue : ${id}.` }],
  );
  if (unknown.length > 0) throw DomainError.validation('Familles d’achat inconnues.', unknown);
  const campaign = await ctx.repos.censusCampaigns.insert({
    territoryId: territory.id,
    title: input.title,
    message: input.message,
    deadline: input.deadline,
    familyIds: [...new Set(input.familyIds)],
    openedAt: ctx.now().toISOString(),
    openedBy: actor.userId,
  });
  const familyNames = data.families.filter((f) => campaign.familyIds.includes(f.id)).map((f) => f.name);
  const buyers = summarizeCensusCampaign({ ...data, campaign, responses: [], reminders: [], now: today }).organizations;
  let emailed = 0;
  for (const buyer of buyers) {
    emailed += await mailMembers(ctx, territory.id, buyer.organizationId, (to, name) =>
      censusOpenedMessage({
        to,
        name,
        territoryName: territory.name,
        title: campaign.title,
        deadline: campaign.deadline,
        families: familyNames,
        message: campaign.message,
        url: `${baseUrl}/`,
      }),
    );
  }
  return { campaign: presentCampaign(campaign, data.families), emailed };
}

/** Reminds the buyers that have not answered (all of them, or those named), by e-mail when possible; each reminder is recorded. */
export async function remindMembers(
  ctx: ServerContext,
  actor: Actor,
  territory: Territory,
  organizationIds: readonly string[] | undefined,
  baseUrl: string,
): Promise<{ reminded: number; emailed: number }> {
  const campaign = await openCampaignOf(ctx, territory.id);
  const { summary } = await summarize(ctx, territory, campaign);
  const targets = summary.organizations.filter(
    (o) => o.status !== 'answered' && (organizationIds === undefined || organizationIds.includes(o.organizationId)),
  );
  const sentAt = ctx.now().toISOString();
  const reminders = [];
  let emailed = 0;
  for (const target of targets) {
    const sent = await mailMembers(ctx, territory.id, target.organizationId, (to, name) =>
      censusReminderMessage({
        to,
        name,
        organizationName: target.name,
        title: campaign.title,
        deadline: campaign.deadline,
        missing: target.missingFamilies.map((f) => f.name),
        url: `${baseUrl}/`,
      }),
    );
    emailed += sent;
    reminders.push({ campaignId: campaign.id, organizationId: target.organizationId, sentAt, sentBy: actor.userId, emailed: sent });
  }
  await ctx.repos.censusCampaigns.addReminders(reminders);
  return { reminded: targets.length, emailed };
}

/** The territory's open campaign; `not_found` when none is open. */
export async function openCampaignOf(ctx: ServerContext, territoryId: string): Promise<CensusCampaign> {
  const campaign = await ctx.repos.censusCampaigns.getCurrent(territoryId);
  if (!campaign || campaign.closedAt !== null) throw new DomainError('not_found', 'Aucun recensement n’est ouvert sur ce territoire.');
  return campaign;
}

async function summarize(
  ctx: ServerContext,
  territory: Territory,
  campaign: CensusCampaign,
): Promise<{ summary: CensusCampaignSummary; families: PurchaseFamily[] }> {
  const [data, responses, reminders] = await Promise.all([
    loadTerritoryData(ctx.repos, territory.slug),
    ctx.repos.censusCampaigns.listResponses(campaign.id),
    ctx.repos.censusCampaigns.listReminders(campaign.id),
  ]);
  const now = ctx.now().toISOString().slice(0, 10);
  return { summary: summarizeCensusCampaign({ ...data, campaign, responses, reminders, now }), families: data.families };
}

/** E-mails every account acting for the organization as member buyer on the territory; returns how many left. */
async function mailMembers(
  ctx: ServerContext,
  territoryId: string,
  organizationId: string,
  message: (to: string, name: string) => MailMessage,
): Promise<number> {
  const mailer = ctx.mailer;
  if (mailer === null) return 0;
  const accounts = await ctx.repos.users.listForOrganization(organizationId);
  const members = accounts.filter((a) => a.roles.some((r) => r.territoryId === territoryId && r.role === 'member'));
  let sent = 0;
  for (const account of members) {
    sent += await mailer.send(message(account.email, account.name)).then(
      () => 1,
      () => 0,
    );
  }
  return sent;
}

export function presentCampaign(campaign: CensusCampaign, families: readonly PurchaseFamily[]): CensusCampaignDto {
  return {
    id: campaign.id,
    title: campaign.title,
    message: campaign.message,
    deadline: campaign.deadline,
    families: campaign.familyIds.map((id) => ({ id, name: families.find((f) => f.id === id)?.name ?? id })),
    openedAt: campaign.openedAt,
    closedAt: campaign.closedAt,
  };
}
