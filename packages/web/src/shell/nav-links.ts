import type { ComponentType } from 'react';
import type { Role, RoleGrant } from '../api/types';
import { paths } from '../router/routes';

/** Sidebar sections, in display order. */
export const NAV_SECTIONS = ['Territoire', 'Besoins', 'Mutualisation', 'Entreprises locales'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

/** What a link may depend on besides the territory slug. */
export interface NavLinkContext {
  /** The caller's grants on the territory shown. */
  grants: RoleGrant[];
  /** Only for links with `perOrganization`: the organization this copy of the link is for. */
  organization: { id: string; name: string; isOnly: boolean } | null;
}

export interface NavLinkDefinition {
  section: NavSection;
  label: string | ((ctx: NavLinkContext) => string);
  path: (slug: string, ctx: NavLinkContext) => string;
  /** Roles on the territory that may open the screen (the server's policy decides; this only hides dead links). */
  roles: readonly Role[];
  /** Repeat the link once per organization the caller holds one of `roles` for (a buyer's census). */
  perOrganization?: boolean;
  icon?: ComponentType;
}

const READERS: readonly Role[] = ['facilitator', 'member', 'observer'];

/**
 * Every screen of the sidebar, one line each, in display order within its section.
 * To add a screen: add its route to `router/routes.ts`, then one line here.
 */
export const NAV_LINKS: readonly NavLinkDefinition[] = [
  { section: 'Territoire', label: 'Accueil', path: () => paths.home(), roles: ['facilitator', 'member', 'supplier', 'observer'] },
  { section: 'Territoire', label: 'Vue du territoire', path: (slug) => paths.territory(slug), roles: READERS },
  { section: 'Territoire', label: 'Tableau de bord', path: (slug) => paths.dashboard(slug), roles: READERS },
  { section: 'Territoire', label: 'Organisations', path: (slug) => paths.organizations(slug), roles: ['facilitator'] },
  { section: 'Territoire', label: 'Comptes', path: (slug) => paths.accounts(slug), roles: ['facilitator'] },
  {
    section: 'Territoire',
    label: ({ organization }) => (organization?.isOnly ? 'Comptes de mon organisation' : `Comptes · ${organization?.name ?? ''}`),
    path: (_slug, { organization }) => paths.organizationAccounts(organization?.id ?? ''),
    roles: ['member', 'supplier'],
    perOrganization: true,
  },
  {
    section: 'Besoins',
    label: ({ organization }) => (organization?.isOnly ? 'Mes besoins' : `Besoins · ${organization?.name ?? ''}`),
    path: (_slug, { organization }) => paths.needs(organization?.id ?? ''),
    roles: ['member'],
    perOrganization: true,
  },
  {
    section: 'Besoins',
    label: ({ organization }) => (organization?.isOnly ? 'Mes contrats en cours' : `Contrats · ${organization?.name ?? ''}`),
    path: (_slug, { organization }) => paths.contracts(organization?.id ?? ''),
    roles: ['member'],
    perOrganization: true,
  },
  { section: 'Besoins', label: 'Recensement', path: (slug) => paths.censusCampaign(slug), roles: ['facilitator', 'observer'] },
  { section: 'Besoins', label: 'Imports', path: (slug) => paths.imports(slug), roles: ['facilitator'] },
  { section: 'Besoins', label: 'DECP à vérifier', path: (slug) => paths.decpFlags(slug), roles: ['facilitator', 'observer'] },
  { section: 'Mutualisation', label: 'Opportunités', path: (slug) => paths.opportunities(slug), roles: READERS },
  { section: 'Mutualisation', label: 'Coordonnateurs', path: (slug) => paths.coordinators(slug), roles: READERS },
  { section: 'Mutualisation', label: 'Familles d’achat', path: (slug) => paths.families(slug), roles: READERS },
  { section: 'Mutualisation', label: 'Groupements', path: (slug) => paths.groupements(slug), roles: ['facilitator', 'member'] },
  {
    section: 'Mutualisation',
    label: 'Observatoire (données ouvertes)',
    path: () => paths.observatory(),
    roles: ['facilitator', 'member', 'observer', 'supplier'],
  },
  { section: 'Entreprises locales', label: 'Entreprises', path: (slug) => paths.firms(slug), roles: ['facilitator', 'observer'] },
  { section: 'Entreprises locales', label: 'Carte', path: (slug) => paths.map(slug), roles: ['facilitator', 'observer'] },
  { section: 'Entreprises locales', label: 'Recettes', path: (slug) => paths.recipes(slug), roles: ['facilitator', 'observer'] },
  {
    section: 'Entreprises locales',
    label: ({ organization }) => (organization?.isOnly ? 'Mon entreprise' : `Entreprise · ${organization?.name ?? ''}`),
    path: (_slug, { organization }) => paths.firmProfile(organization?.id ?? ''),
    roles: ['supplier'],
    perOrganization: true,
  },
  { section: 'Entreprises locales', label: 'Demandes d’accès', path: (slug) => paths.accountRequests(slug), roles: ['facilitator'] },
  {
    section: 'Entreprises locales',
    label: 'Prévisions',
    path: (slug) => paths.forecast(slug),
    roles: ['facilitator', 'observer', 'supplier'],
  },
];

export interface ResolvedNavLink {
  section: NavSection;
  label: string;
  to: string;
  icon?: ComponentType;
}

function copiesOf(link: NavLinkDefinition, grants: RoleGrant[]): NavLinkContext[] {
  const allowed = grants.filter((grant) => link.roles.includes(grant.role));
  if (allowed.length === 0) return [];
  if (!link.perOrganization) return [{ grants, organization: null }];
  const withOrganization = allowed.filter((grant) => grant.organizationId);
  return withOrganization.map((grant) => ({
    grants,
    organization: { id: grant.organizationId ?? '', name: grant.organizationName ?? '', isOnly: withOrganization.length === 1 },
  }));
}

/** The links the caller may follow on a territory, grouped by section in display order; empty sections are left out. */
export function resolveNavLinks({
  links = NAV_LINKS,
  roles,
  territorySlug,
}: {
  links?: readonly NavLinkDefinition[];
  roles: RoleGrant[];
  territorySlug: string;
}): { section: NavSection; links: ResolvedNavLink[] }[] {
  const grants = roles.filter((role) => role.territorySlug === territorySlug);
  const all = links.flatMap((link) =>
    copiesOf(link, grants).map((ctx) => ({
      section: link.section,
      label: typeof link.label === 'string' ? link.label : link.label(ctx),
      to: link.path(territorySlug, ctx),
      icon: link.icon,
    })),
  );
  // Two engineers adding the same screen must not show it twice: the first line wins.
  const resolved = all.filter((link, index) => all.findIndex((other) => other.to === link.to) === index);
  return NAV_SECTIONS.map((section) => ({ section, links: resolved.filter((link) => link.section === section) })).filter(
    (group) => group.links.length > 0,
  );
}
