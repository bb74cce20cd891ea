import { getCommune } from '../geo/communes';
import type { LotPosition, LotSite } from './types';

export interface BuildLotSitesOptions {
  communeCodes: readonly string[];
  /** Positions by INSEE code (real coordinates or département centroids). */
  positions: Readonly<Record<string, LotPosition>>;
}

/** Delivery sites with their EPCI and département from the Code officiel géographique; unknown codes or positions are returned apart. */
export function buildLotSites({ communeCodes, positions }: BuildLotSitesOptions): { sites: LotSite[]; unknown: string[] } {
  const sites: LotSite[] = [];
  const unknown: string[] = [];
  for (const code of new Set(communeCodes)) {
    const commune = getCommune(code);
    const position = positions[code];
    if (!commune || !position) unknown.push(code);
    else sites.push({ code, position, epciCode: commune.epciSiren, departementCode: commune.departementCode });
  }
  return { sites, unknown };
}
