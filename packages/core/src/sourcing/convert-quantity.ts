import { toBaseQuantity, type UnitCode } from '../units/units';

/** Converts a quantity between units of one dimension (6 t → 6 000 kg); null when they do not convert. */
export function convertQuantity(quantity: number, from: UnitCode, to: UnitCode): number | null {
  if (from === to) return quantity;
  const source = toBaseQuantity(quantity, from);
  const unitOfTarget = toBaseQuantity(1, to);
  if (!source.ok || !unitOfTarget.ok || source.dimension !== unitOfTarget.dimension) return null;
  return source.quantity / unitOfTarget.quantity;
}
