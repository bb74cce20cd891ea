import { type LonLat, type Organization, type PlacedPosition, placeCommune } from '@mutualis/core';

export { POSITION_NOTE_FR } from '@mutualis/core';

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
