import type { SourcingResultDto } from '@mutualis/contract';

/** Below this weighted competence coverage a firm is only mentioned, not drawn. */
export const MIN_DRAWN_COVERAGE = 0.5;

export interface LaidNode {
  id: string;
  kind: 'need' | 'direct_supplier' | 'producer' | 'input' | 'input_supplier';
  label: string;
  column: number;
  x: number;
  y: number;
}

export interface GraphLayout {
  nodes: LaidNode[];
  edges: { from: LaidNode; to: LaidNode; label: string }[];
  width: number;
  height: number;
  /** Producers left out of the drawing (coverage under MIN_DRAWN_COVERAGE). */
  hiddenProducers: number;
  /** The bar right of the producers where the recipe's inputs arrive. */
  bracket: { x: number; y1: number; y2: number } | null;
}

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 40;
export const COLUMN_GAP = 64;
const ROW_GAP = 14;
const TOP = 36;
const BRACKET_OFFSET = 10;

/**
 * Columns left to right: the pooled need, the firms that could deliver it (suppliers and
 * potential producers), the recipe's inputs, the firms that could supply each input.
 */
export function layoutSourcingGraph(result: SourcingResultDto): GraphLayout {
  const drawnProducers = new Set(
    result.potentialProducers.filter((p) => p.competenceCoverage >= MIN_DRAWN_COVERAGE).map((p) => `producer:${p.firmId}`),
  );
  const columnOf = (kind: LaidNode['kind']) => ({ need: 0, direct_supplier: 1, producer: 1, input: 2, input_supplier: 3 })[kind];
  const kept = result.graph.nodes.filter((n) => n.kind !== 'producer' || drawnProducers.has(n.id));
  const columns: (typeof kept)[] = [[], [], [], []];
  for (const node of kept) columns[columnOf(node.kind)]?.push(node);
  const tallest = Math.max(...columns.map((c) => c.length), 1);
  const height = TOP + tallest * (NODE_HEIGHT + ROW_GAP) + 10;
  const nodes: LaidNode[] = columns.flatMap((column, c) => {
    const offset = TOP + ((tallest - column.length) * (NODE_HEIGHT + ROW_GAP)) / 2;
    return column.map((node, row) => ({ ...node, column: c, x: c * (NODE_WIDTH + COLUMN_GAP), y: offset + row * (NODE_HEIGHT + ROW_GAP) }));
  });
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  const producers = nodes.filter((n) => n.column === 1);
  // Inputs feed whoever produces: their edges end at the producers' column, not at the need behind it.
  const junction: LaidNode | undefined = producers.length
    ? {
        id: 'junction',
        kind: 'producer',
        label: '',
        column: 1,
        x: NODE_WIDTH + COLUMN_GAP + BRACKET_OFFSET,
        y: (producers[0]?.y ?? 0) + ((producers.at(-1)?.y ?? 0) - (producers[0]?.y ?? 0)) / 2,
      }
    : undefined;
  const edges = result.graph.edges.flatMap((e) => {
    const from = byId.get(e.from);
    const to = from?.kind === 'input' && junction ? junction : byId.get(e.to);
    return from && to ? [{ from, to, label: e.label }] : [];
  });
  const first = producers[0];
  const last = producers.at(-1);
  return {
    nodes,
    edges,
    width: 4 * NODE_WIDTH + 3 * COLUMN_GAP,
    height,
    hiddenProducers: result.potentialProducers.length - drawnProducers.size,
    bracket: first && last ? { x: 2 * NODE_WIDTH + COLUMN_GAP + BRACKET_OFFSET, y1: first.y + 4, y2: last.y + NODE_HEIGHT - 4 } : null,
  };
}

/** The explanation shown when a node is hovered. */
export function explanationOf(result: SourcingResultDto, nodeId: string): string[] {
  const [kind, firmId] = nodeId.split(':');
  if (kind === 'direct') return result.directSuppliers.filter((s) => s.firmId === firmId).map((s) => `${s.name} ${s.explanation}`);
  if (kind === 'producer') return result.potentialProducers.filter((p) => p.firmId === firmId).map((p) => `${p.name} ${p.explanation}`);
  if (kind === 'supplier')
    return result.inputs.flatMap((i) => i.suppliers.filter((s) => s.firmId === firmId).map((s) => `${s.name} ${s.explanation}`));
  const input = result.inputs.find((i) => i.key === nodeId);
  if (input) {
    const share = Math.round(input.capacityShare * 100);
    return [
      `${input.label} : ${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(input.requiredQuantity)} ${input.unit} par an pour le volume groupé ; ` +
        (input.hasLocalSource ? `les entreprises locales peuvent en fournir ${share} %.` : 'aucune source locale connue.'),
    ];
  }
  return [`Besoin groupé : ${result.need.label}. Recette : ${result.recipeLabel ?? 'aucune recette connue pour ce produit'}.`];
}
