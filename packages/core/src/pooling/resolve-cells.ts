import type { Organization, PoolingScope } from '../domain/types';
import { departementCentroid, getDepartement, getEpci, haversineKm } from '../geo/communes';
import { type SplitCell, splitWideCells } from './split-wide-cells';

/** A geographic cell: members of one opportunity all share it. */
export interface Cell {
  scope: PoolingScope['kind'];
  code: string;
  label: string;
}

export type Position = readonly [number, number];

export interface ResolveCellsOptions {
  organizations: readonly Organization[];
  scope: PoolingScope;
  /** [lon, lat] per organization id; falls back to the département centroid. */
  positions?: Readonly<Record<string, Position>>;
  /** A `territory` or `region` cell whose buyers lie farther apart is split per département (see `splitWideCells`). */
  maxSpanKm?: number;
  /** The organizations whose spread counts for `maxSpanKm` (the buyers with needs); default: all. */
  buyerIds?: ReadonlySet<string>;
}

export interface CellAssignment {
  cells: Cell[];
  /** Cell index per organization id. */
  cellOf: Map<string, number>;
  /** Cells of the scope that were too wide and were split per département. */
  split?: SplitCell[];
}

function cellOfScope(org: Organization, scope: PoolingScope): Cell {
  switch (scope.kind) {
    case 'territory':
      return { scope: 'territory', code: 'territoire', label: 'tout le territoire' };
    case 'region':
      return { scope: 'region', code: org.regionCode, label: `région ${org.regionCode}` };
    case 'departement':
      return {
        scope: 'departement',
        code: org.departementCode,
        label: getDepartement(org.departementCode)?.name ?? `département ${org.departementCode}`,
      };
    case 'epci':
      // A commune outside any EPCI (Paris, some islands) pools alone at this scope.
      return org.epciSiren
        ? { scope: 'epci', code: org.epciSiren, label: getEpci(org.epciSiren)?.name ?? `EPCI ${org.epciSiren}` }
        : { scope: 'epci', code: `commune-${org.inseeCode}`, label: `commune ${org.inseeCode} (hors EPCI)` };
    case 'distance':
      throw new Error('distance cells are computed by clusters');
  }
}

/**
 * Greedy clusters of radius km/2 around seed positions taken in a fixed order, so any two
 * members of one cell are at most `km` apart (triangle inequality) and the result does not
 * depend on input order.
 */
function distanceCells(organizations: readonly Organization[], km: number, positions: ResolveCellsOptions['positions']): CellAssignment {
  const cells: Cell[] = [];
  const cellOf = new Map<string, number>();
  const byPoint = new Map<string, { point: Position; orgIds: string[] }>();
  for (const org of organizations) {
    const point = positions?.[org.id] ?? departementCentroid(org.departementCode);
    if (!point) {
      cellOf.set(org.id, cells.push({ scope: 'distance', code: `isole-${org.id}`, label: `${org.name} (position inconnue)` }) - 1);
      continue;
    }
    const key = `${point[0]},${point[1]}`;
    const entry = byPoint.get(key) ?? { point, orgIds: [] };
    entry.orgIds.push(org.id);
    byPoint.set(key, entry);
  }
  const points = [...byPoint.values()].sort((a, b) => a.point[0] - b.point[0] || a.point[1] - b.point[1]);
  const assigned = new Array<boolean>(points.length).fill(false);
  points.forEach((seed, i) => {
    if (assigned[i]) return;
    const cell =
      cells.push({
        scope: 'distance',
        code: `${km}km-${seed.point[0].toFixed(3)}-${seed.point[1].toFixed(3)}`,
        label: `rayon de ${km / 2} km`,
      }) - 1;
    points.forEach((p, j) => {
      if (assigned[j] || haversineKm(seed.point, p.point) > km / 2) return;
      assigned[j] = true;
      for (const id of p.orgIds) cellOf.set(id, cell);
    });
  });
  return { cells, cellOf };
}

/** Puts each organization in the geographic cell of the territory's pooling scope. */
export function resolveCells({ organizations, scope, positions, maxSpanKm, buyerIds }: ResolveCellsOptions): CellAssignment {
  if (scope.kind === 'distance') return distanceCells(organizations, scope.km, positions);
  const assignment = scopeCells(organizations, scope);
  if (maxSpanKm === undefined || (scope.kind !== 'territory' && scope.kind !== 'region')) return assignment;
  const buyers = buyerIds === undefined ? organizations : organizations.filter((o) => buyerIds.has(o.id));
  return splitWideCells({ assignment, organizations: buyers, positions, maxSpanKm });
}

/** One cell per value of the scope's key (the whole territory, a région, a département, an EPCI). */
function scopeCells(organizations: readonly Organization[], scope: Exclude<PoolingScope, { kind: 'distance' }>): CellAssignment {
  const cells: Cell[] = [];
  const cellOf = new Map<string, number>();
  const index = new Map<string, number>();
  for (const org of organizations) {
    const cell = cellOfScope(org, scope);
    let i = index.get(cell.code);
    if (i === undefined) {
      i = cells.push(cell) - 1;
      index.set(cell.code, i);
    }
    cellOf.set(org.id, i);
  }
  return { cells, cellOf };
}
