/** Rows grouped by an integer key: rows of group g are `rows[start[g]] … rows[start[g + 1] − 1]`, in input order. */
export interface KeyGroups {
  groupCount: number;
  /** Key of each group. */
  keys: Float64Array;
  start: Int32Array;
  rows: Int32Array;
}

/**
 * Groups rows by non-negative integer keys (< 2^53; negative keys are skipped) with an
 * open-addressing table and a counting sort: O(n), no string keys, no per-row allocation.
 */
export function groupByKey(rowKeys: Float64Array): KeyGroups {
  const n = rowKeys.length;
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotKey = new Float64Array(capacity).fill(-1);
  const slotGroup = new Int32Array(capacity);
  const groupOfRow = new Int32Array(n);
  const groupKeys: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const key = rowKeys[i] as number;
    if (key < 0) {
      groupOfRow[i] = -1;
      continue;
    }
    const high = Math.floor(key / 4294967296);
    let slot = (Math.imul((key >>> 0) ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 0) & mask;
    while (slotKey[slot] !== key && slotKey[slot] !== -1) slot = (slot + 1) & mask;
    if (slotKey[slot] === -1) {
      slotKey[slot] = key;
      slotGroup[slot] = groupKeys.length;
      groupKeys.push(key);
    }
    groupOfRow[i] = slotGroup[slot] as number;
  }
  const groupCount = groupKeys.length;
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < n; i += 1) {
    const g = groupOfRow[i] as number;
    if (g >= 0) start[g + 1] = (start[g + 1] as number) + 1;
  }
  for (let g = 0; g < groupCount; g += 1) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const cursor = start.slice(0, groupCount);
  const rows = new Int32Array(start[groupCount] as number);
  for (let i = 0; i < n; i += 1) {
    const g = groupOfRow[i] as number;
    if (g < 0) continue;
    rows[cursor[g] as number] = i;
    cursor[g] = (cursor[g] as number) + 1;
  }
  return { groupCount, keys: Float64Array.from(groupKeys), start, rows };
}
