import { LOCAL_AUTHORITY_KINDS, type OrganizationKind, PUBLIC_BUYER_KINDS } from '../domain/types';

/**
 * How a member stands in a groupement de commandes: a local authority (its assembly deliberates),
 * another public buyer (its competent body decides), or a private legal person that is not a buyer
 * (L2113-6 second paragraph: it joins on condition that it applies the code to these purchases).
 */
export type MemberStanding = 'local_authority' | 'public_buyer' | 'private_person';

/** Private legal persons that may join as members under L2113-6: firms of any size and associations. */
export const PRIVATE_MEMBER_KINDS: readonly OrganizationKind[] = ['sme', 'large_company', 'association'];

/** The standing of an organization of this kind as a member of a groupement. */
export function memberStandingOf(kind: OrganizationKind): MemberStanding {
  if (LOCAL_AUTHORITY_KINDS.includes(kind)) return 'local_authority';
  return PUBLIC_BUYER_KINDS.includes(kind) ? 'public_buyer' : 'private_person';
}

/** True for a private legal person that is not a buyer (L2113-6 second paragraph). */
export function isPrivateMember(kind: OrganizationKind): boolean {
  return memberStandingOf(kind) === 'private_person';
}

/**
 * Whether an organization is offered as a member (census template, "what if it joins"): a public buyer, or a
 * private legal person that is not registered as a supplier firm of the territory (L2113-6 second paragraph).
 */
export function isPotentialMember(kind: OrganizationKind, { isSupplier }: { isSupplier: boolean }): boolean {
  return PUBLIC_BUYER_KINDS.includes(kind) || (PRIVATE_MEMBER_KINDS.includes(kind) && !isSupplier);
}

/** The body that approves membership, as the pack names it. */
export const APPROVING_BODY_FR: Record<OrganizationKind, string> = {
  commune: 'conseil municipal',
  departement: 'conseil départemental',
  region: 'conseil régional',
  epci: 'conseil communautaire',
  hospital: 'directeur de l’établissement',
  state: 'représentant de l’État compétent',
  other_public: 'organe délibérant de l’établissement',
  sme: 'organe compétent selon ses statuts (gérant, président ou conseil d’administration)',
  large_company: 'organe compétent selon ses statuts (conseil d’administration, directoire ou président)',
  association: 'organe compétent selon ses statuts (conseil d’administration ou bureau)',
};
