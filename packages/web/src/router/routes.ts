/** The screens of the app, parsed from the URL. French paths: the URL is part of the UI. */
export type AppRoute =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'territory'; slug: string }
  | { name: 'needs'; organizationId: string }
  | { name: 'not-found' };

export function matchRoute(pathWithSearch: string): AppRoute {
  const pathname = pathWithSearch.split('?')[0] ?? '/';
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  const [first, second, third] = parts;
  if (first === 'connexion' && parts.length === 1) return { name: 'login' };
  if (first === 'territoires' && second && parts.length === 2) return { name: 'territory', slug: second };
  if (first === 'organisations' && second && third === 'besoins' && parts.length === 3) return { name: 'needs', organizationId: second };
  return { name: 'not-found' };
}

export const paths = {
  home: () => '/',
  login: () => '/connexion',
  territory: (slug: string) => `/territoires/${encodeURIComponent(slug)}`,
  needs: (organizationId: string) => `/organisations/${encodeURIComponent(organizationId)}/besoins`,
};
