import { formatQuantityFr, formatShareFr } from './format-quantity-fr';
import type { DirectSupplier, InputSourcing, PotentialProducer, SourcingNeed, SupplyChainGraph } from './types';

export interface BuildSupplyChainGraphOptions {
  need: SourcingNeed;
  directSuppliers: readonly DirectSupplier[];
  potentialProducers: readonly PotentialProducer[];
  inputs: readonly InputSourcing[];
}

/**
 * The supply chain as a graph: firms → need for suppliers and producers, input → need for each
 * recipe input, firm → input for input suppliers (one node per firm even when it supplies several inputs).
 */
export function buildSupplyChainGraph({
  need,
  directSuppliers,
  potentialProducers,
  inputs,
}: BuildSupplyChainGraphOptions): SupplyChainGraph {
  const nodes: SupplyChainGraph['nodes'] = [
    { id: 'need', kind: 'need', label: `${need.label} (${formatQuantityFr(need.quantity, need.unit)}/an)` },
  ];
  const edges: SupplyChainGraph['edges'] = [];
  for (const s of directSuppliers) {
    nodes.push({ id: `direct:${s.firmId}`, kind: 'direct_supplier', label: s.name });
    edges.push({ from: `direct:${s.firmId}`, to: 'need', label: `fournit déjà · ${formatShareFr(s.capacityShare)} du volume` });
  }
  for (const p of potentialProducers) {
    nodes.push({ id: `producer:${p.firmId}`, kind: 'producer', label: p.name });
    edges.push({
      from: `producer:${p.firmId}`,
      to: 'need',
      label: `pourrait produire · ${formatShareFr(p.competenceCoverage)} des compétences`,
    });
  }
  const supplierNodes = new Set<string>();
  for (const input of inputs) {
    nodes.push({ id: input.key, kind: 'input', label: input.label });
    edges.push({ from: input.key, to: 'need', label: `intrant · ${formatQuantityFr(input.requiredQuantity, input.unit)}/an` });
    for (const s of input.suppliers) {
      const id = `supplier:${s.firmId}`;
      if (!supplierNodes.has(id)) {
        supplierNodes.add(id);
        nodes.push({ id, kind: 'input_supplier', label: s.name });
      }
      edges.push({ from: id, to: input.key, label: `peut fournir · ${formatShareFr(s.capacityShare)} du besoin` });
    }
  }
  return { nodes, edges };
}
