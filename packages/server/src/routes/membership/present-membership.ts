import type { JoinableGroupementList, MembershipRequestDto } from '@mutualis/contract';
import { type GroupementStatus, PRE_LAUNCH_STATUSES } from '@mutualis/core';
import type { MembershipRequest } from '@mutualis/core/lifecycle';
import type { Repositories } from '@mutualis/db';
import { mergeFamilies } from '../../analysis';
import { resolveGroupementFamily } from '../../groupements';

const ALL = { limit: 100_000, offset: 0 };

/** Requests with the names of their groupement and organization. */
export async function presentMembershipRequests(
  repos: Repositories,
  requests: readonly MembershipRequest[],
): Promise<MembershipRequestDto[]> {
  const groupementIds = [...new Set(requests.map((r) => r.groupementId))];
  const organizationIds = [...new Set(requests.map((r) => r.organizationId))];
  const [groupements, organizations] = await Promise.all([
    Promise.all(groupementIds.map((id) => repos.groupements.getById(id))),
    Promise.all(organizationIds.map((id) => repos.organizations.getById(id))),
  ]);
  const groupementNames = new Map(groupements.flatMap((g) => (g ? [[g.id, g.name] as const] : [])));
  const organizationNames = new Map(organizations.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
  return requests.map((r) => ({
    id: r.id,
    groupementId: r.groupementId,
    groupementName: groupementNames.get(r.groupementId) ?? r.groupementId,
    organizationId: r.organizationId,
    organizationName: organizationNames.get(r.organizationId) ?? r.organizationId,
    status: r.status,
    message: r.message,
    requestedAt: r.requestedAt,
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
  }));
}

/** Why the organization cannot ask to join now; null when it can (the use case checks again). */
function cannotRequestReason(status: GroupementStatus, isPermanent: boolean, pending: boolean): string | null {
  if (pending) return 'Votre demande attend la décision.';
  if (status === 'closed') return 'Le groupement est terminé.';
  if (!PRE_LAUNCH_STATUSES.includes(status) && !isPermanent)
    return 'La procédure est lancée : un groupement ponctuel n’accueille plus de membre (article L2111-1).';
  return null;
}

/** The territory's groupements the organization is not in, with names (no figures) and its latest request. */
export async function listJoinableGroupements(
  repos: Repositories,
  territoryId: string,
  organizationId: string,
): Promise<JoinableGroupementList> {
  const [groupements, organizations, families, requests] = await Promise.all([
    repos.groupements.list({ territoryId }),
    repos.organizations.list({ territoryId }, ALL),
    repos.families.list({ territoryId }),
    repos.membershipRequests.list({ organizationId }),
  ]);
  const names = new Map(organizations.items.map((o) => [o.id, o.name]));
  const joinable = groupements.filter((g) => !g.memberIds.includes(organizationId));
  const latest = new Map<string, MembershipRequest>();
  for (const r of requests) if (!latest.has(r.groupementId)) latest.set(r.groupementId, r);
  const presented = new Map((await presentMembershipRequests(repos, [...latest.values()])).map((dto) => [dto.groupementId, dto] as const));
  const merged = mergeFamilies(families);
  return {
    organizationId,
    items: joinable.map((g) => {
      const request = presented.get(g.id) ?? null;
      return {
        id: g.id,
        name: g.name,
        familyName: resolveGroupementFamily(g.familyId, merged).name,
        status: g.status,
        isPermanent: g.isPermanent,
        memberNames: g.memberIds.map((id) => names.get(id) ?? id),
        admissionsBy: g.admissionsBy,
        request,
        cannotRequestReason: cannotRequestReason(g.status, g.isPermanent, request?.status === 'pending'),
      };
    }),
  };
}
