import type { OverviewDto } from '@mutualis/contract';
import { canDisclose, decideDisclosure, getCpv, type Territory, withheldReasonOf } from '@mutualis/core';
import type { ServerContext } from '../../app/server-context';
import type { Actor } from '../../authz/actor';
import { disclosureViewerOf } from '../../authz/visibility';

/** Every member of a territory fits in one overview; beyond that the UI pages through /organizations. */
const MAX_MEMBERS = 10_000;

/**
 * Pooled view of a territory: per-member totals, per-CPV-division totals. Core's disclosure rule
 * decides: a member buyer reads its own total; division and territory totals split the needs
 * otherwise than the opportunities (where it reads pooled figures), so they are withheld from it.
 */
export async function buildOverview(ctx: ServerContext, actor: Actor, territory: Territory): Promise<OverviewDto> {
  const [byOrganization, byDivision, organizations] = await Promise.all([
    ctx.repos.needs.statsByOrganization(territory.id),
    ctx.repos.needs.statsByCpvDivision(territory.id),
    ctx.repos.organizations.list({ territoryId: territory.id }, { limit: MAX_MEMBERS, offset: 0 }),
  ]);
  const viewer = disclosureViewerOf(actor, [territory.id]);
  const organizationsById = new Map(organizations.items.map((o) => [o.id, o]));
  const members = byOrganization.flatMap((stats) => {
    const organization = organizationsById.get(stats.organizationId);
    if (!organization) return [];
    const visible = canDisclose(viewer, { kind: 'organization', organizationId: organization.id });
    return [{ organization, needsCount: stats.needsCount, annualAmountCents: visible ? stats.annualAmountCents : null }];
  });
  const contributorIds = byOrganization.filter((s) => s.annualAmountCents > 0).map((s) => s.organizationId);
  // Whole-territory and per-division totals are another split of the needs than the opportunities.
  const withheld = withheldReasonOf(decideDisclosure(viewer, { kind: 'aggregate', contributorIds, isVariant: true }));
  const families = byDivision.map((d) => ({
    code: d.division,
    label: getCpv(`${d.division}000000`)?.labelFr ?? `Division CPV ${d.division}`,
    needsCount: d.needsCount,
    annualAmountCents: withheld === null ? d.annualAmountCents : null,
    organizationsCount: d.organizationsCount,
  }));
  return {
    territory,
    members,
    families,
    totals: {
      needsCount: byOrganization.reduce((sum, s) => sum + s.needsCount, 0),
      annualAmountCents: withheld === null ? byOrganization.reduce((sum, s) => sum + s.annualAmountCents, 0) : null,
      organizationsCount: byOrganization.filter((s) => s.needsCount > 0).length,
    },
    amountsWithheld: withheld,
  };
}
