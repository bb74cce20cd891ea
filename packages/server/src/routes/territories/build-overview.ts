import type { OverviewDto } from '@mutualis/contract';
import { getCpv, type Territory } from '@mutualis/core';
import type { ServerContext } from '../../app/server-context';
import type { Actor } from '../../authz/actor';
import { canSeePrices } from '../../authz/visibility';

/** Every member of a territory fits in one overview; beyond that the UI pages through /organizations. */
const MAX_MEMBERS = 10_000;

/** Pooled view of a territory: per-member totals (amounts hidden from other members), per-CPV-division totals. */
export async function buildOverview(ctx: ServerContext, actor: Actor, territory: Territory): Promise<OverviewDto> {
  const [byOrganization, byDivision, organizations] = await Promise.all([
    ctx.repos.needs.statsByOrganization(territory.id),
    ctx.repos.needs.statsByCpvDivision(territory.id),
    ctx.repos.organizations.list({ territoryId: territory.id }, { limit: MAX_MEMBERS, offset: 0 }),
  ]);
  const organizationsById = new Map(organizations.items.map((o) => [o.id, o]));
  const members = byOrganization.flatMap((stats) => {
    const organization = organizationsById.get(stats.organizationId);
    if (!organization) return [];
    const visible = canSeePrices(actor, [territory.id], organization.id);
    return [{ organization, needsCount: stats.needsCount, annualAmountCents: visible ? stats.annualAmountCents : null }];
  });
  const families = byDivision.map((d) => ({
    code: d.division,
    label: getCpv(`${d.division}000000`)?.labelFr ?? `Division CPV ${d.division}`,
    needsCount: d.needsCount,
    annualAmountCents: d.annualAmountCents,
    organizationsCount: d.organizationsCount,
  }));
  return {
    territory,
    members,
    families,
    totals: {
      needsCount: byOrganization.reduce((sum, s) => sum + s.needsCount, 0),
      annualAmountCents: byOrganization.reduce((sum, s) => sum + s.annualAmountCents, 0),
      organizationsCount: byOrganization.filter((s) => s.needsCount > 0).length,
    },
  };
}
