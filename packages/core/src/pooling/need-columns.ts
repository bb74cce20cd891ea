import type { Need } from '../domain/types';
import { toBaseQuantity, type UnitCode } from '../units/units';

/**
 * The needs as columns, read once in input order (sequential reads of the need objects), then
 * gathered in the order the per-group loops read them (`gatherNeedColumns`): those loops touch
 * contiguous typed arrays instead of a million scattered objects.
 */
export interface NeedColumns {
  ids: string[];
  amounts: Float64Array;
  /** 1 when the need's status is `confirmed`. */
  isConfirmed: Uint8Array;
  /** Index into `cpvCodes`. */
  cpv: Int32Array;
  cpvCodes: string[];
  /** Quantity in its base unit, when `quantityState` ≥ 0. */
  baseQuantity: Float64Array;
  /** ≥ 0: index into `baseUnits`; −1: no quantity or no unit; −2 − k: not convertible, for `quantityReasons[k]`. */
  quantityState: Int32Array;
  baseUnits: UnitCode[];
  quantityReasons: string[];
}

/** Reads the columns of `needs` (one pass, in input order). */
export function toNeedColumns(needs: readonly Need[]): NeedColumns {
  const n = needs.length;
  const columns: NeedColumns = {
    ids: new Array<string>(n),
    amounts: new Float64Array(n),
    isConfirmed: new Uint8Array(n),
    cpv: new Int32Array(n),
    cpvCodes: [],
    baseQuantity: new Float64Array(n),
    quantityState: new Int32Array(n),
    baseUnits: [],
    quantityReasons: [],
  };
  const cpvIndex = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const need = needs[i] as Need;
    columns.ids[i] = need.id;
    columns.amounts[i] = need.annualAmountCents;
    columns.isConfirmed[i] = need.status === 'confirmed' ? 1 : 0;
    let cpv = cpvIndex.get(need.cpvCode);
    if (cpv === undefined) {
      cpv = columns.cpvCodes.push(need.cpvCode) - 1;
      cpvIndex.set(need.cpvCode, cpv);
    }
    columns.cpv[i] = cpv;
    columns.quantityState[i] = quantityStateOf(need, columns, i);
  }
  return columns;
}

function quantityStateOf(need: Need, columns: NeedColumns, i: number): number {
  if (need.quantity === null || need.unit === null) return -1;
  const base = toBaseQuantity(need.quantity, need.unit, need.unitsPerPack);
  if (!base.ok) return -2 - indexOf(columns.quantityReasons, base.reason);
  columns.baseQuantity[i] = base.quantity;
  return indexOf(columns.baseUnits, base.unit);
}

/** Index of `value` in a short list, appended when absent. */
function indexOf<T>(list: T[], value: T): number {
  const found = list.indexOf(value);
  return found >= 0 ? found : list.push(value) - 1;
}

/**
 * The numeric columns at positions `order[0]`, `order[1]`, …: position i of the result is row
 * `order[i]` of `columns`. `ids` stay in input order (read through `order`: copying a million
 * string pointers costs more than it saves).
 */
export function gatherNeedColumns(columns: NeedColumns, order: Int32Array): NeedColumns {
  const n = order.length;
  const gathered: NeedColumns = {
    ...columns,
    amounts: new Float64Array(n),
    isConfirmed: new Uint8Array(n),
    cpv: new Int32Array(n),
    baseQuantity: new Float64Array(n),
    quantityState: new Int32Array(n),
  };
  for (let i = 0; i < n; i += 1) {
    const row = order[i] as number;
    gathered.amounts[i] = columns.amounts[row] as number;
    gathered.isConfirmed[i] = columns.isConfirmed[row] as number;
    gathered.cpv[i] = columns.cpv[row] as number;
    gathered.baseQuantity[i] = columns.baseQuantity[row] as number;
    gathered.quantityState[i] = columns.quantityState[row] as number;
  }
  return gathered;
}
