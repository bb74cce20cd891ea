import { matchSetupRoute, type SetupRoute, setupPaths } from '../setup/setup-routes';
import { type LocalRoute, localPaths, matchLocalRoute } from '../sourcing/local-routes';

/** The screens of the app, parsed from the URL. French paths: the URL is part of the UI. */
export type AppRoute =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'territory'; slug: string }
  | { name: 'opportunities'; slug: string }
  | { name: 'opportunity'; slug: string; id: string }
  | { name: 'coordinators'; slug: string }
  | { name: 'families'; slug: string }
  | { name: 'needs'; organizationId: string }
  | { name: 'imports'; slug: string }
  | { name: 'decpFlags'; slug: string }
  | { name: 'groupements'; slug: string }
  | { name: 'groupement'; id: string }
  | { name: 'dashboard'; slug: string }
  | { name: 'observatory'; departement: string | null }
  | LocalRoute
  | SetupRoute
  | { name: 'not-found' };

export function matchRoute(pathWithSearch: string): AppRoute {
  const pathname = pathWithSearch.split('?')[0] ?? '/';
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  const [first, second, third, fourth] = parts;
  if (first === 'connexion' && parts.length === 1) return { name: 'login' };
  if (first === 'territoires' && second && parts.length === 2) return { name: 'territory', slug: second };
  if (first === 'territoires' && second && third === 'opportunites' && parts.length === 3) return { name: 'opportunities', slug: second };
  if (first === 'territoires' && second && third === 'opportunites' && fourth && parts.length === 4)
    return { name: 'opportunity', slug: second, id: fourth };
  if (first === 'territoires' && second && third === 'coordonnateurs' && parts.length === 3) return { name: 'coordinators', slug: second };
  if (first === 'territoires' && second && third === 'familles' && parts.length === 3) return { name: 'families', slug: second };
  if (first === 'organisations' && second && third === 'besoins' && parts.length === 3) return { name: 'needs', organizationId: second };
  if (first === 'territoires' && second && third === 'imports' && parts.length === 3) return { name: 'imports', slug: second };
  if (first === 'territoires' && second && third === 'a-verifier' && parts.length === 3) return { name: 'decpFlags', slug: second };
  if (first === 'territoires' && second && third === 'groupements' && parts.length === 3) return { name: 'groupements', slug: second };
  if (first === 'groupements' && second && parts.length === 2) return { name: 'groupement', id: second };
  if (first === 'territoires' && second && third === 'tableau-de-bord' && parts.length === 3) return { name: 'dashboard', slug: second };
  if (first === 'observatoire' && parts.length <= 2) return { name: 'observatory', departement: second ?? null };
  return matchLocalRoute(parts) ?? matchSetupRoute(parts) ?? { name: 'not-found' };
}

export const paths = {
  ...localPaths,
  ...setupPaths,
  home: () => '/',
  login: () => '/connexion',
  territory: (slug: string) => `/territoires/${encodeURIComponent(slug)}`,
  opportunities: (slug: string) => `/territoires/${encodeURIComponent(slug)}/opportunites`,
  opportunity: (slug: string, id: string, at?: string) =>
    `/territoires/${encodeURIComponent(slug)}/opportunites/${encodeURIComponent(id)}${at ? `?at=${encodeURIComponent(at)}` : ''}`,
  coordinators: (slug: string) => `/territoires/${encodeURIComponent(slug)}/coordonnateurs`,
  families: (slug: string) => `/territoires/${encodeURIComponent(slug)}/familles`,
  needs: (organizationId: string) => `/organisations/${encodeURIComponent(organizationId)}/besoins`,
  imports: (slug: string) => `/territoires/${encodeURIComponent(slug)}/imports`,
  decpFlags: (slug: string) => `/territoires/${encodeURIComponent(slug)}/a-verifier`,
  groupements: (slug: string) => `/territoires/${encodeURIComponent(slug)}/groupements`,
  groupement: (id: string) => `/groupements/${encodeURIComponent(id)}`,
  dashboard: (slug: string) => `/territoires/${encodeURIComponent(slug)}/tableau-de-bord`,
  observatory: (departement?: string) => (departement ? `/observatoire/${encodeURIComponent(departement)}` : '/observatoire'),
};
