/** A point drawn on the map. */
export interface MapPoint {
  id: string;
  position: readonly [number, number];
}

/**
 * Positions are département centroids, so many firms share one point. Markers sharing a point are
 * laid on a sunflower spiral around it (about 4 km apart) so each stays visible; their tooltips say
 * the position is approximate. Deterministic: the same list gives the same layout.
 */
export function spreadMarkers<T extends MapPoint>(points: readonly T[], stepDegrees = 0.04): (T & { shown: [number, number] })[] {
  const seen = new Map<string, number>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  return points.map((point) => {
    const key = `${point.position[0].toFixed(4)},${point.position[1].toFixed(4)}`;
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    if (rank === 0) return { ...point, shown: [point.position[0], point.position[1]] };
    const radius = stepDegrees * Math.sqrt(rank);
    const angle = rank * golden;
    // A degree of longitude is shorter than a degree of latitude at French latitudes (cos 46° ≈ 0.7).
    return { ...point, shown: [point.position[0] + (radius * Math.cos(angle)) / 0.7, point.position[1] + radius * Math.sin(angle)] };
  });
}
