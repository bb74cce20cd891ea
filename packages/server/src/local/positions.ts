import { type LonLat, type Organization, type PlacedPosition, placeCommune } from '@mutualis/core';

/**
 * Firms and delivery sites are placed at their commune's point (centre of its bounding box, within a
 * few kilometres of the chef-lieu); the few communes without one fall back to their département's
 * centroid, and every explanation says which basis a firm's distances rest on.
 */
export const POSITION_NOTE_FR =
  'Positions approchées : chaque entreprise et chaque lieu de livraison est placé au centre de sa commune (à quelques kilomètres près du chef-lieu) ; ' +
  'une commune sans coordonnées est placée au centre de son département. Les distances sont à vol d’oiseau.';

/** Position of an INSEE commune (its point, else its département's centroid); null for an unknown code. */
export function positionOfCommune(inseeCode: string): LonLat | null {
  return placeCommune(inseeCode)?.position ?? null;
}

/** Position of an organization from its commune, and whether it is the commune's point or the département's centroid. */
export function placeOrganization(organization: Pick<Organization, 'inseeCode'>): PlacedPosition | null {
  return placeCommune(organization.inseeCode) ?? null;
}

/** Positions of the given communes by INSEE code; unknown codes are left out. */
export function positionsOfCommunes(codes: Iterable<string>): Record<string, LonLat> {
  const positions: Record<string, LonLat> = {};
  for (const code of codes) {
    const position = positionOfCommune(code);
    if (position) positions[code] = position;
  }
  return positions;
}
