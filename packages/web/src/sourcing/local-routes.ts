/** Screens of local capacity (issue 5): firm directory, map, recipes, sourcing graph, lot designer, forecasts. */
export type LocalRoute =
  | { name: 'firms'; slug: string }
  | { name: 'map'; slug: string }
  | { name: 'recipes'; slug: string }
  | { name: 'sourcing'; slug: string; id: string }
  | { name: 'lots'; slug: string; id: string }
  | { name: 'forecast'; slug: string }
  | { name: 'public-forecast'; slug: string };

const LOCAL_NAMES: ReadonlySet<string> = new Set(['firms', 'map', 'recipes', 'sourcing', 'lots', 'forecast', 'public-forecast']);

export function isLocalRoute(route: { name: string }): route is LocalRoute {
  return LOCAL_NAMES.has(route.name);
}

/** Reads the decoded path segments of a local-capacity screen, or null. */
export function matchLocalRoute(parts: readonly string[]): LocalRoute | null {
  const [first, slug, third, id, fifth] = parts;
  if (first === 'public' && slug && third === 'previsions' && parts.length === 3) return { name: 'public-forecast', slug };
  if (first !== 'territoires' || !slug) return null;
  if (third === 'entreprises' && parts.length === 3) return { name: 'firms', slug };
  if (third === 'carte' && parts.length === 3) return { name: 'map', slug };
  if (third === 'recettes' && parts.length === 3) return { name: 'recipes', slug };
  if (third === 'previsions' && parts.length === 3) return { name: 'forecast', slug };
  if (third === 'opportunites' && id && fifth === 'sourcing' && parts.length === 5) return { name: 'sourcing', slug, id };
  if (third === 'opportunites' && id && fifth === 'lots' && parts.length === 5) return { name: 'lots', slug, id };
  return null;
}

const territory = (slug: string) => `/territoires/${encodeURIComponent(slug)}`;

export const localPaths = {
  firms: (slug: string) => `${territory(slug)}/entreprises`,
  map: (slug: string) => `${territory(slug)}/carte`,
  recipes: (slug: string) => `${territory(slug)}/recettes`,
  forecast: (slug: string) => `${territory(slug)}/previsions`,
  publicForecast: (slug: string) => `/public/${encodeURIComponent(slug)}/previsions`,
  sourcing: (slug: string, id: string) => `${territory(slug)}/opportunites/${encodeURIComponent(id)}/sourcing`,
  lots: (slug: string, id: string) => `${territory(slug)}/opportunites/${encodeURIComponent(id)}/lots`,
};
