import type { Organization } from '../domain/types';
import { departementCentroid, getDepartement, haversineKm } from '../geo/communes';
import type { Cell, CellAssignment, Position } from './resolve-cells';

/** Default largest distance between two members of one cell of a `territory` or `region` scope. */
export const DEFAULT_MAX_POOLING_SPAN_KM = 200;

/** A cell that spanned more than the limit and was split per département. */
export interface SplitCell {
  label: string;
  /** A distance between two of its buyers that exceeds the limit (about the farthest pair). */
  spanKm: number;
}

export interface SplitWideCellsOptions {
  assignment: CellAssignment;
  /** The buyers whose spread is measured; they alone move to département cells. */
  organizations: readonly Organization[];
  positions?: Readonly<Record<string, Position>>;
  maxSpanKm: number;
}

/**
 * Splits per département every cell whose buyers lie more than `maxSpanKm` apart: a whole
 * country or a région is never one pooling zone "sur tout le territoire" across hundreds of
 * kilometres (delivery, coordination and local firms all work at a smaller scale).
 */
export function splitWideCells({ assignment, organizations, positions, maxSpanKm }: SplitWideCellsOptions): CellAssignment {
  const membersOf = new Map<number, Organization[]>();
  for (const org of organizations) {
    const cell = assignment.cellOf.get(org.id);
    if (cell === undefined) continue;
    const list = membersOf.get(cell);
    if (list) list.push(org);
    else membersOf.set(cell, [org]);
  }
  const cells: Cell[] = [...assignment.cells];
  const cellOf = new Map(assignment.cellOf);
  const split: SplitCell[] = [];
  const departementCells = new Map<string, number>();
  for (const [index, members] of [...membersOf.entries()].sort(([a], [b]) => a - b)) {
    const points = distinctPoints(members.map((o) => positions?.[o.id] ?? departementCentroid(o.departementCode)));
    const spanKm = spanBeyond(points, maxSpanKm);
    if (spanKm === null) continue;
    const wide = assignment.cells[index] as Cell;
    split.push({ label: wide.label, spanKm: Math.round(spanKm) });
    for (const org of members) {
      // A buyer the data does not place is pooled with no one (never with the other unplaced ones).
      const code = org.departementCode === '' ? `isole-${org.id}` : `dep-${org.departementCode}`;
      let cell = departementCells.get(code);
      if (cell === undefined) {
        const label =
          org.departementCode === ''
            ? `${org.name} (lieu inconnu)`
            : (getDepartement(org.departementCode)?.name ?? `département ${org.departementCode}`);
        cell = cells.push({ scope: 'departement', code, label }) - 1;
        departementCells.set(code, cell);
      }
      cellOf.set(org.id, cell);
    }
  }
  return { cells, cellOf, split };
}

function distinctPoints(points: readonly (Position | undefined)[]): Position[] {
  const byKey = new Map<string, Position>();
  for (const p of points) if (p !== undefined) byKey.set(`${p[0]},${p[1]}`, p);
  return [...byKey.values()];
}

/**
 * A distance greater than `limit` between two of the points, or null when every pair is within
 * it. The points farthest north, south, east and west are tried against all first (they find a
 * wide spread in linear time); the exact pairwise check runs only when they find none.
 */
function spanBeyond(points: readonly Position[], limit: number): number | null {
  if (points.length < 2) return null;
  const extremes = ([0, 1, 0, 1] as const).map((axis, k) =>
    points.reduce((best, p) => ((k < 2 ? p[axis] < best[axis] : p[axis] > best[axis]) ? p : best), points[0] as Position),
  );
  let farthest = 0;
  for (const e of extremes) for (const p of points) farthest = Math.max(farthest, haversineKm(e, p));
  if (farthest > limit) return farthest;
  for (let i = 0; i < points.length; i += 1)
    for (let j = i + 1; j < points.length; j += 1) {
      const d = haversineKm(points[i] as Position, points[j] as Position);
      if (d > limit) return d;
    }
  return null;
}
