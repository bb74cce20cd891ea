/** Screens of the territory set-up from the browser (issue 16 §2): accounts, organizations, census campaigns, firms. */
export type SetupRoute =
  | { name: 'first-admin' }
  | { name: 'set-password' }
  | { name: 'forgot-password' }
  | { name: 'admin' }
  | { name: 'organizations'; slug: string }
  | { name: 'accounts'; slug: string }
  | { name: 'census-campaign'; slug: string }
  | { name: 'account-requests'; slug: string }
  | { name: 'contracts'; organizationId: string }
  | { name: 'organization-accounts'; organizationId: string }
  | { name: 'firm-profile'; organizationId: string };

/** Screens anyone may open, signed in or not (they sign the user in themselves). */
export type PublicSetupRoute = Extract<SetupRoute, { name: 'first-admin' | 'set-password' | 'forgot-password' }>;

const NAMES: ReadonlySet<string> = new Set([
  'first-admin',
  'set-password',
  'forgot-password',
  'admin',
  'organizations',
  'accounts',
  'census-campaign',
  'account-requests',
  'contracts',
  'organization-accounts',
  'firm-profile',
]);
const PUBLIC_NAMES: ReadonlySet<string> = new Set(['first-admin', 'set-password', 'forgot-password']);

export function isSetupRoute(route: { name: string }): route is SetupRoute {
  return NAMES.has(route.name);
}

export function isPublicSetupRoute(route: { name: string }): route is PublicSetupRoute {
  return PUBLIC_NAMES.has(route.name);
}

/** Reads the decoded path segments of a set-up screen, or null. */
export function matchSetupRoute(parts: readonly string[]): SetupRoute | null {
  const [first, second, third] = parts;
  if (parts.length === 1 && first === 'installation') return { name: 'first-admin' };
  if (parts.length === 1 && first === 'mot-de-passe') return { name: 'set-password' };
  if (parts.length === 1 && first === 'mot-de-passe-oublie') return { name: 'forgot-password' };
  if (parts.length === 1 && first === 'administration') return { name: 'admin' };
  if (parts.length !== 3 || !second) return null;
  if (first === 'territoires' && third === 'organisations') return { name: 'organizations', slug: second };
  if (first === 'territoires' && third === 'comptes') return { name: 'accounts', slug: second };
  if (first === 'territoires' && third === 'recensement') return { name: 'census-campaign', slug: second };
  if (first === 'territoires' && third === 'demandes-d-acces') return { name: 'account-requests', slug: second };
  if (first === 'organisations' && third === 'contrats') return { name: 'contracts', organizationId: second };
  if (first === 'organisations' && third === 'comptes') return { name: 'organization-accounts', organizationId: second };
  if (first === 'organisations' && third === 'profil') return { name: 'firm-profile', organizationId: second };
  return null;
}

const territory = (slug: string) => `/territoires/${encodeURIComponent(slug)}`;
const organization = (id: string) => `/organisations/${encodeURIComponent(id)}`;

export const setupPaths = {
  firstAdmin: () => '/installation',
  setPassword: () => '/mot-de-passe',
  forgotPassword: () => '/mot-de-passe-oublie',
  admin: () => '/administration',
  organizations: (slug: string) => `${territory(slug)}/organisations`,
  accounts: (slug: string) => `${territory(slug)}/comptes`,
  censusCampaign: (slug: string) => `${territory(slug)}/recensement`,
  accountRequests: (slug: string) => `${territory(slug)}/demandes-d-acces`,
  contracts: (organizationId: string) => `${organization(organizationId)}/contrats`,
  organizationAccounts: (organizationId: string) => `${organization(organizationId)}/comptes`,
  firmProfile: (organizationId: string) => `${organization(organizationId)}/profil`,
};
