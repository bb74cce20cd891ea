import type { LotGraph } from './build-lot-graph';

/** A point of a frontier: a lot structure of one node, kept as a tree of sums to rebuild its lots. */
export type FrontierPoint =
  | { savings: number; accessible: number; lot: number }
  | { savings: number; accessible: number; parts: readonly [FrontierPoint, FrontierPoint] }
  | { savings: 0; accessible: 0; empty: true };

export interface ComputeLotFrontierOptions {
  graph: LotGraph;
  /** Whether the one-lot structure of a node is accessible (≥ k eligible firms). */
  isAccessible: (node: number) => boolean;
  maxFrontierSize: number;
}

export interface LotFrontier {
  points: FrontierPoint[];
  isApproximate: boolean;
  /** Lots of the max-savings structure with every lot accessible, or null when none exists. */
  bestAllAccessible: { savings: number; lots: number[] } | null;
}

const EMPTY: FrontierPoint = { savings: 0, accessible: 0, empty: true };

/**
 * Exact dynamic programme of algorithms.md §5 over the structures obtained by recursively cutting a
 * node (g, p) into its geographic children, its product children, or keeping it as one lot:
 * frontier(g, p) = Pareto({one lot} ∪ ⊕ geo-children frontiers ∪ ⊕ product-children frontiers),
 * where ⊕ adds savings and accessible weight pairwise. Both objectives add over lots, so pruning
 * dominated points inside a node loses nothing. When a frontier exceeds `maxFrontierSize`, an
 * ε-grid on the accessible weight keeps one point per cell (the best savings) and the extremes;
 * the result is then flagged approximate.
 */
export function computeLotFrontier({ graph, isAccessible, maxFrontierSize }: ComputeLotFrontierOptions): LotFrontier {
  const memo: (FrontierPoint[] | undefined)[] = new Array(graph.nodes.length);
  const accessible: (boolean | undefined)[] = new Array(graph.nodes.length);
  const best: ({ value: number; choice: 'single' | 'geo' | 'product' } | undefined)[] = new Array(graph.nodes.length);
  let isApproximate = false;
  const accessibleAt = (id: number): boolean => {
    const cached = accessible[id];
    if (cached !== undefined) return cached;
    const value = isAccessible(id);
    accessible[id] = value;
    return value;
  };

  const frontierOf = (id: number): FrontierPoint[] => {
    const cached = memo[id];
    if (cached) return cached;
    const node = graph.nodes[id];
    if (!node) throw new Error(`no lot node ${id}`);
    const candidates: FrontierPoint[] = [{ savings: node.savings, accessible: accessibleAt(id) ? node.weight : 0, lot: id }];
    for (const cut of [node.geoCut, node.productCut]) {
      if (cut.length === 0) continue;
      let sum: FrontierPoint[] = [EMPTY];
      for (const child of cut) sum = prune(minkowskiSum(sum, frontierOf(child)), node.weight);
      candidates.push(...sum);
    }
    const pruned = prune(candidates, node.weight);
    memo[id] = pruned;
    return pruned;
  };

  const prune = (points: FrontierPoint[], scale: number): FrontierPoint[] => {
    const kept = paretoPrune(points, scale);
    if (kept.length <= maxFrontierSize) return kept;
    isApproximate = true;
    return thinByGrid(kept, scale, maxFrontierSize);
  };

  // The best all-accessible structure by a scalar DP over the same class (exact, never thinned).
  const bestOf = (id: number): number => {
    const cached = best[id];
    if (cached) return cached.value;
    const node = graph.nodes[id];
    if (!node) throw new Error(`no lot node ${id}`);
    let entry: { value: number; choice: 'single' | 'geo' | 'product' } = {
      value: accessibleAt(id) ? node.savings : Number.NEGATIVE_INFINITY,
      choice: 'single',
    };
    for (const [cut, choice] of [
      [node.geoCut, 'geo'],
      [node.productCut, 'product'],
    ] as const) {
      if (cut.length === 0) continue;
      const value = cut.reduce((sum, child) => sum + bestOf(child), 0);
      if (value > entry.value) entry = { value, choice };
    }
    best[id] = entry;
    return entry.value;
  };

  const collectBest = (id: number, out: number[]): void => {
    const entry = best[id];
    const node = graph.nodes[id];
    if (!entry || !node) return;
    if (entry.choice === 'single') out.push(id);
    else for (const child of entry.choice === 'geo' ? node.geoCut : node.productCut) collectBest(child, out);
  };

  const points = frontierOf(graph.root);
  const bestValue = bestOf(graph.root);
  const lots: number[] = [];
  if (Number.isFinite(bestValue)) collectBest(graph.root, lots);
  return { points, isApproximate, bestAllAccessible: Number.isFinite(bestValue) ? { savings: bestValue, lots } : null };
}

/** The lots (node ids) of a frontier point. */
export function lotsOfPoint(point: FrontierPoint): number[] {
  const out: number[] = [];
  const stack: FrontierPoint[] = [point];
  while (stack.length > 0) {
    const p = stack.pop() as FrontierPoint;
    if ('lot' in p) out.push(p.lot);
    else if ('parts' in p) stack.push(p.parts[1], p.parts[0]);
  }
  return out;
}

function minkowskiSum(a: readonly FrontierPoint[], b: readonly FrontierPoint[]): FrontierPoint[] {
  const out: FrontierPoint[] = [];
  for (const x of a) {
    for (const y of b) {
      if ('empty' in x) out.push(y);
      else out.push({ savings: x.savings + y.savings, accessible: x.accessible + y.accessible, parts: [x, y] });
    }
  }
  return out;
}

/** Non-dominated points (max savings, max accessible), by savings descending; near-equal accessible weights count as equal. */
export function paretoPrune(points: readonly FrontierPoint[], scale: number): FrontierPoint[] {
  const tolerance = 1e-9 * Math.max(1, scale);
  const sorted = [...points].sort((p, q) => q.savings - p.savings || q.accessible - p.accessible);
  const kept: FrontierPoint[] = [];
  let bestAccessible = Number.NEGATIVE_INFINITY;
  for (const p of sorted) {
    if (p.accessible > bestAccessible + tolerance) {
      kept.push(p);
      bestAccessible = p.accessible;
    }
  }
  return kept;
}

function thinByGrid(points: readonly FrontierPoint[], scale: number, size: number): FrontierPoint[] {
  const cell = Math.max(scale, 1e-12) / (size - 1);
  const kept: FrontierPoint[] = [];
  let lastCell = Number.NEGATIVE_INFINITY;
  points.forEach((p, i) => {
    const c = Math.floor(p.accessible / cell);
    // Sorted by savings descending: the first point of each cell has its best savings; keep the last point (max accessible) too.
    if (c !== lastCell || i === points.length - 1) kept.push(p);
    lastCell = c;
  });
  return kept;
}
