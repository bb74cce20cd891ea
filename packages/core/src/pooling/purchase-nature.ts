/**
 * What a purchase is, as far as pooling goes, read from its CPV code:
 * - `supply`: supplies bought again and again (paper, fuel, food, cleaning products, furniture);
 * - `service`: services run continuously or renewed each year (insurance, cleaning, guarding, training);
 * - `equipment`: capital goods bought at irregular intervals (vehicles, machines, instruments);
 * - `works`: works tied to one site (each site has its own place, schedule and project manager);
 * - `intellectual`: one-off intellectual services tied to one project (design, studies, consulting).
 */
export const PURCHASE_NATURES = ['supply', 'service', 'equipment', 'works', 'intellectual'] as const;
export type PurchaseNature = (typeof PURCHASE_NATURES)[number];

/** French name of each nature, as the ranking explanations quote it. */
export const PURCHASE_NATURE_LABELS: Record<PurchaseNature, string> = {
  supply: 'fournitures courantes',
  service: 'services récurrents',
  equipment: 'équipement acheté ponctuellement',
  works: 'travaux liés à un site',
  intellectual: 'prestation intellectuelle ponctuelle',
};

/**
 * CPV prefixes whose nature differs from their division's default (supplies for divisions 03–44
 * and 48, services for 50–98), the longest prefix winning. Works: the whole division 45, and
 * asbestos and lead removal, tied to a works site (90.65–90.66). One-off intellectual services:
 * architecture, engineering, urban planning and construction-related services (71000000 itself,
 * which buyers use for project management, and 71.2–71.5; not the periodic technical checks of
 * 71.6 or the laboratories of 71.9), research (73), market and opinion studies (79.31–79.33), business consulting (79.4), event organisation (79.95), artistic
 * creation (92.31), environmental planning studies (90.71). Equipment: agricultural machinery
 * (16), vehicles and vessels (34.1–34.7, not parts, tyres or road supplies), defence equipment
 * (35.3–35.7), instruments (38), industrial and construction machinery (42, 43).
 */
const NATURE_BY_PREFIX: ReadonlyMap<string, PurchaseNature> = new Map([
  ['45', 'works'],
  ['7100', 'intellectual'],
  ['712', 'intellectual'],
  ['713', 'intellectual'],
  ['714', 'intellectual'],
  ['715', 'intellectual'],
  ['73', 'intellectual'],
  ['7931', 'intellectual'],
  ['7932', 'intellectual'],
  ['7933', 'intellectual'],
  ['794', 'intellectual'],
  ['7995', 'intellectual'],
  ['9231', 'intellectual'],
  ['9071', 'intellectual'],
  ['9065', 'works'],
  ['9066', 'works'],
  ['16', 'equipment'],
  ['341', 'equipment'],
  ['342', 'equipment'],
  ['344', 'equipment'],
  ['345', 'equipment'],
  ['346', 'equipment'],
  ['347', 'equipment'],
  ['353', 'equipment'],
  ['354', 'equipment'],
  ['355', 'equipment'],
  ['356', 'equipment'],
  ['357', 'equipment'],
  ['38', 'equipment'],
  ['42', 'equipment'],
  ['43', 'equipment'],
]);

/** Nature of a CPV code (8 digits, check digit optional): the longest listed prefix, else the division's default. */
export function classifyPurchaseNature(cpvCode: string): PurchaseNature {
  for (let digits = 5; digits >= 2; digits -= 1) {
    const nature = NATURE_BY_PREFIX.get(cpvCode.slice(0, digits));
    if (nature !== undefined) return nature;
  }
  const division = Number(cpvCode.slice(0, 2));
  return division < 45 || division === 48 ? 'supply' : 'service';
}
