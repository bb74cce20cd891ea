import { departementCentroid, getCommune, type LonLat, type Organization } from '@mutualis/core';

/**
 * Mutualis ships no commune coordinates (only the contours of the départements), so every place
 * is placed at the centroid of its département. Distances between two places of one département
 * are then 0 km and reach is decided per département; the map spreads markers that share a point.
 */
export const POSITION_NOTE_FR =
  'Positions approchées : faute de coordonnées des communes, chaque entreprise et chaque lieu de livraison est placé au centre de son département ' +
  '(les distances sont donc comptées de département à département).';

/** Position of an INSEE commune: the centroid of its département; null for an unknown code. */
export function positionOfCommune(inseeCode: string): LonLat | null {
  const commune = getCommune(inseeCode);
  return (commune && departementCentroid(commune.departementCode)) ?? null;
}

/** Position of an organization: the centroid of its département. */
export function positionOfOrganization(organization: Pick<Organization, 'departementCode'>): LonLat | null {
  return departementCentroid(organization.departementCode) ?? null;
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
