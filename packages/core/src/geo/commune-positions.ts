import positionData from '../reference/commune-positions.json' with { type: 'json' };
import { departementCentroid, getCommune } from './communes';

/** Where a place's position comes from: its commune's point, or its département's centroid. */
export type PositionBasis = 'commune' | 'departement';

/** A [longitude, latitude] position and how precise it is. */
export interface PlacedPosition {
  position: [number, number];
  basis: PositionBasis;
}

let points: Map<string, [number, number]> | undefined;

/** Decodes the packed file once: 5-character codes in one string, positions as running sums of 1e-4° steps. */
function load(): Map<string, [number, number]> {
  if (points) return points;
  const { codes, lonDeltas, latDeltas, scale } = positionData as { codes: string; lonDeltas: number[]; latDeltas: number[]; scale: number };
  points = new Map();
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < lonDeltas.length; i++) {
    lon += lonDeltas[i] as number;
    lat += latDeltas[i] as number;
    points.set(codes.slice(i * 5, i * 5 + 5), [Number((lon * scale).toFixed(4)), Number((lat * scale).toFixed(4))]);
  }
  return points;
}

/**
 * Point [lon, lat] of an INSEE commune: the centre of its bounding box (2017 contours), which is
 * within a few kilometres of its chef-lieu; undefined for the few communes without one.
 */
export function communePosition(inseeCode: string): [number, number] | undefined {
  const point = load().get(inseeCode);
  return point ? [point[0], point[1]] : undefined;
}

/**
 * Firms and delivery sites are placed at their commune's point (centre of its bounding box, within a
 * few kilometres of the chef-lieu); the few communes without one fall back to their département's
 * centroid, and every explanation says which basis a firm's distances rest on.
 */
export const POSITION_NOTE_FR =
  'Positions approchées : chaque entreprise et chaque lieu de livraison est placé au centre de sa commune (à quelques kilomètres près du chef-lieu) ; ' +
  'une commune sans coordonnées est placée au centre de son département. Les distances sont à vol d’oiseau.';

/** Position of a commune, falling back to its département's centroid; undefined for an unknown code. */
export function placeCommune(inseeCode: string): PlacedPosition | undefined {
  const point = communePosition(inseeCode);
  if (point) return { position: point, basis: 'commune' };
  const commune = getCommune(inseeCode);
  const centroid = commune && departementCentroid(commune.departementCode);
  return centroid ? { position: centroid, basis: 'departement' } : undefined;
}
