import { haversineKm } from '../geo/communes';
import type { LonLat, SiteReach } from './types';

/**
 * Distances from a firm to the delivery sites and whether its delivery radius covers them all.
 * A site without a known position (null) counts as not reached: we cannot claim it is.
 */
export function measureSiteReach(position: LonLat, radiusKm: number, sites: readonly (LonLat | null)[]): SiteReach {
  let total = 0;
  let max = 0;
  let known = 0;
  let reached = 0;
  for (const site of sites) {
    if (!site) continue;
    const d = haversineKm(position, site);
    total += d;
    max = Math.max(max, d);
    known += 1;
    if (d <= radiusKm) reached += 1;
  }
  return {
    meanDistanceKm: known === 0 ? 0 : total / known,
    maxDistanceKm: max,
    reachesAllSites: sites.length > 0 && reached === sites.length,
    sitesReached: reached,
  };
}
