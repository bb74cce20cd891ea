import { cpvSignificantDigits, isCpvUnder } from '../cpv/cpv-code';
import type { SupplierProduct } from '../domain/types';
import { haversineKm } from '../geo/communes';
import { cpvPrefixKey, labelWords } from './build-sourcing-index';
import { convertQuantity } from './convert-quantity';
import { shareOf } from './find-direct-suppliers';
import type { InputSourcing, InputSupplier, LonLat, SourcingIndex, SourcingRecipeInput } from './types';

/** An input supplier before its explanation is written. */
export type InputSupplierCandidate = Omit<InputSupplier, 'explanation'> & { firmIndex: number };

/** Sourcing of one recipe input before explanations: suppliers ranked by capacity share then distance. */
export type InputCandidate = Omit<InputSourcing, 'suppliers'> & { suppliers: InputSupplierCandidate[]; input: SourcingRecipeInput };

export interface FindInputSuppliersOptions {
  index: SourcingIndex;
  input: SourcingRecipeInput;
  inputIndex: number;
  /** Pooled quantity expressed in the recipe's unit of product. */
  productQuantity: number;
  /** Positions of the potential producers the input would be delivered to. */
  producerPositions: readonly LonLat[];
  /** Suppliers kept in the list; totals use them all. */
  limit: number;
}

/**
 * Local firms able to supply one recipe input. A CPV-coded input matches products under its code;
 * a material (no CPV) matches products whose label contains its first word (French labels put the
 * head noun first: « Eau distillée… » → « eau »).
 */
export function findInputSuppliers({
  index,
  input,
  inputIndex,
  productQuantity,
  producerPositions,
  limit,
}: FindInputSuppliersOptions): InputCandidate {
  const required = productQuantity * input.quantityPerUnit;
  const head = labelWords(input.label)[0];
  const candidates =
    input.cpvCode !== null
      ? (index.byCpvPrefix.get(cpvPrefixKey(input.cpvCode, cpvSignificantDigits(input.cpvCode))) ?? [])
      : head === undefined
        ? []
        : (index.byLabelWord.get(head) ?? []);
  const suppliers: InputSupplierCandidate[] = [];
  for (const i of candidates) {
    const firm = index.firms[i];
    if (!firm) continue;
    const product = bestInputProduct(firm.profile.products, input, head);
    if (!product) continue;
    const capacity = convertQuantity(product.annualCapacity, product.unit, input.unit);
    suppliers.push({
      firmIndex: i,
      firmId: firm.id,
      name: firm.name,
      productLabel: product.label,
      capacity,
      capacityShare: shareOf(capacity, required),
      nearestProducerKm: null,
    });
  }
  // Distances only for the suppliers that may be listed: those at or above the capacity share of the last listed one.
  suppliers.sort((a, b) => b.capacityShare - a.capacityShare);
  const boundary = suppliers[Math.min(limit, suppliers.length) - 1]?.capacityShare ?? Number.POSITIVE_INFINITY;
  const listed = suppliers.filter((s) => s.capacityShare >= boundary);
  for (const s of listed) {
    const position = index.firms[s.firmIndex]?.position;
    if (position && producerPositions.length > 0) s.nearestProducerKm = Math.min(...producerPositions.map((p) => haversineKm(position, p)));
  }
  listed.sort(
    (a, b) =>
      b.capacityShare - a.capacityShare ||
      (a.nearestProducerKm ?? Number.POSITIVE_INFINITY) - (b.nearestProducerKm ?? Number.POSITIVE_INFINITY) ||
      (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : 0),
  );
  const totalCapacity = suppliers.reduce((sum, s) => sum + Math.max(0, s.capacity ?? 0), 0);
  return {
    key: `input-${inputIndex}`,
    label: input.label,
    cpvCode: input.cpvCode,
    requiredQuantity: required,
    unit: input.unit,
    suppliers: listed.slice(0, limit),
    hasLocalSource: suppliers.length > 0,
    capacityShare: shareOf(totalCapacity, required),
    input,
  };
}

function bestInputProduct(
  products: readonly SupplierProduct[],
  input: SourcingRecipeInput,
  head: string | undefined,
): SupplierProduct | undefined {
  const cpv = input.cpvCode;
  const matching = products.filter((p) =>
    cpv !== null ? isCpvUnder(p.cpvCode, cpv) : head !== undefined && labelWords(p.label).includes(head),
  );
  let best: SupplierProduct | undefined;
  let bestCapacity = -Infinity;
  for (const p of matching) {
    const capacity = convertQuantity(p.annualCapacity, p.unit, input.unit) ?? -1;
    if (capacity > bestCapacity) {
      best = p;
      bestCapacity = capacity;
    }
  }
  return best;
}
