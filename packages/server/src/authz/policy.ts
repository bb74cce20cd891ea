import type { Role } from '@mutualis/core';
import type { Actor, Grant, Scope } from './actor';

type Rule = (grant: Grant, scope: Scope) => boolean;

const anyRole: Rule = () => true;
const roles =
  (...allowed: Role[]): Rule =>
  (grant) =>
    allowed.includes(grant.role);
/** The grant acts for the organization the scope names. */
const forOwnOrganization =
  (...allowed: Role[]): Rule =>
  (grant, scope) =>
    allowed.includes(grant.role) && grant.organizationId !== null && grant.organizationId === scope.organizationId;
/** A list either unfiltered (the server then narrows it to the grant's organization) or filtered on the grant's own. */
const listOfOwnOrganization =
  (...allowed: Role[]): Rule =>
  (grant, scope) =>
    allowed.includes(grant.role) &&
    grant.organizationId !== null &&
    (scope.organizationId === undefined || grant.organizationId === scope.organizationId);
const either =
  (...rules: Rule[]): Rule =>
  (grant, scope) =>
    rules.some((rule) => rule(grant, scope));

/**
 * The one authorization table: for each action, which grant on the scope's territory allows it.
 * facilitator: everything in its territory; member: its own organization's needs and contracts,
 * pooled aggregates; supplier: its own firm's profile and published data; observer: read-only.
 */
export const POLICY = {
  'territory.read': anyRole,
  'territory.overview': roles('facilitator', 'member', 'observer'),
  'organization.list': anyRole,
  'organization.read': anyRole,
  'organization.create': roles('facilitator'),
  'organization.update': roles('facilitator'),
  'organization.delete': roles('facilitator'),
  'need.list': either(roles('facilitator', 'observer'), listOfOwnOrganization('member')),
  'need.read': either(roles('facilitator', 'observer'), forOwnOrganization('member')),
  'need.write': either(roles('facilitator'), forOwnOrganization('member')),
  'contract.list': either(roles('facilitator', 'observer'), listOfOwnOrganization('member')),
  'contract.read': either(roles('facilitator', 'observer'), forOwnOrganization('member')),
  'contract.write': either(roles('facilitator'), forOwnOrganization('member')),
  'supplier.list': anyRole,
  'supplier.read': either(roles('facilitator', 'observer', 'member'), forOwnOrganization('supplier')),
  'supplier.write': either(roles('facilitator'), forOwnOrganization('supplier')),
  'competence.write': roles('facilitator'),
  'analysis.read': roles('facilitator', 'member', 'observer'),
  'analysis.simulate': roles('facilitator', 'member'),
  'coordinator.read': roles('facilitator', 'member', 'observer'),
  'coordinator.write': roles('facilitator'),
  'family.read': anyRole,
  'family.write': roles('facilitator'),
  'groupement.read': either(roles('facilitator'), forOwnOrganization('member')),
  'groupement.write': roles('facilitator'),
  // Issue 17 §1: a member's assembly pack — the member itself, a coordinator of the groupement (scope resolver), the facilitator.
  'groupement.pack': either(roles('facilitator'), forOwnOrganization('member')),
  'import.read': roles('facilitator'),
  'import.write': roles('facilitator'),
  // Issue 15 §3: flagged DECP records, listed for review and confirmed by the facilitator.
  'decp.review': roles('facilitator', 'observer'),
  'decp.confirm': roles('facilitator'),
  'opendata.read': anyRole,
  'local.read': roles('facilitator', 'observer'),
  'local.contact': roles('facilitator'),
  // Issue 17 §3: the facilitator marks an opportunity's need urgent (a crisis); readers of the local chain see the mark.
  'urgency.mark': roles('facilitator'),
  'forecast.publish': roles('facilitator'),
  'forecast.declare': roles('supplier'),
  'forecast.interests': roles('facilitator', 'observer', 'supplier'),
  'recipe.read': anyRole,
  'recipe.write': roles('facilitator'),
  // Groupement lifecycle: the scope's organization is the caller's member or coordinator organization,
  // or the one the body acts for (routes/lifecycle/lifecycle-scopes.ts).
  'lifecycle.read': either(roles('facilitator', 'observer'), forOwnOrganization('member')),
  'lifecycle.run': either(roles('facilitator'), forOwnOrganization('member')),
  'lifecycle.sign': either(roles('facilitator'), forOwnOrganization('member')),
  // Admissions (members added, requests decided): the facilitator, or the coordinator where the convention
  // says so (routes/membership/membership-scopes.ts names its organization only then). Asking to join: a
  // member buyer, for its own organization; it never adds itself.
  'lifecycle.admit': either(roles('facilitator'), forOwnOrganization('member')),
  'membership.request': forOwnOrganization('member'),
  'lifecycle.consume': either(roles('facilitator'), forOwnOrganization('member')),
  'dashboard.read': roles('facilitator', 'member', 'observer'),
  // Territory set-up from the browser (issue 16 §2).
  'territory.accounts': roles('facilitator'),
  'territory.nextSteps': roles('facilitator'),
  'organization.accounts': either(roles('facilitator'), forOwnOrganization('member', 'supplier')),
  'organization.agenda': either(roles('facilitator', 'observer'), forOwnOrganization('member')),
  'census.read': roles('facilitator', 'member', 'observer'),
  'census.manage': roles('facilitator'),
  'census.respond': either(roles('facilitator'), forOwnOrganization('member')),
  'accountRequest.manage': roles('facilitator'),
} satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

export type Decision = 'allow' | 'forbidden' | 'not_found';

/**
 * Decides whether `actor` may perform `action` on `scope`. Outside the caller's territories the
 * answer is `not_found`, so ids of other territories reveal nothing; inside, `forbidden`.
 */
export function authorize(actor: Actor, action: Action, scope: Scope): Decision {
  const grants = actor.grants.filter((g) => scope.territoryIds.includes(g.territoryId));
  if (grants.length === 0) return 'not_found';
  return grants.some((g) => POLICY[action](g, scope)) ? 'allow' : 'forbidden';
}

/**
 * For list actions a member may call unfiltered: the organization the list must be narrowed to
 * (its own), or the requested filter when a role on the territory sees everything (facilitator, observer).
 */
export function ownOrganizationFilter(actor: Actor, territoryId: string, seesAll: readonly Role[], requested?: string): string | undefined {
  const inTerritory = actor.grants.filter((g) => g.territoryId === territoryId);
  if (inTerritory.some((g) => seesAll.includes(g.role))) return requested;
  // A buyer acting for several organizations picks one with ?organization=; the first otherwise.
  const own = inTerritory.find((g) => g.organizationId !== null && (requested === undefined || g.organizationId === requested));
  // No own organization: an id that matches nothing, so the list is empty rather than complete.
  return own?.organizationId ?? '\u0000none';
}
