/** Hash slot of a non-negative integer key (< 2^53) in a table of `mask + 1` slots. */
function slotOf(key: number, mask: number): number {
  const high = Math.floor(key / 4294967296);
  return (Math.imul((key >>> 0) ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 0) & mask;
}

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
 * open-addressing table (sized by the distinct keys) and a counting sort: O(n), no string keys,
 * no per-row allocation.
 */
export function groupByKey(rowKeys: Float64Array): KeyGroups {
  const n = rowKeys.length;
  // The table grows with the number of distinct keys (not rows), so it stays in cache.
  let capacity = 1024;
  let mask = capacity - 1;
  let slotKey = new Float64Array(capacity).fill(-1);
  let slotGroup = new Int32Array(capacity);
  const groupOfRow = new Int32Array(n);
  const groupKeys: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const key = rowKeys[i] as number;
    if (key < 0) {
      groupOfRow[i] = -1;
      continue;
    }
    let slot = slotOf(key, mask);
    while (slotKey[slot] !== key && slotKey[slot] !== -1) slot = (slot + 1) & mask;
    if (slotKey[slot] === -1) {
      slotKey[slot] = key;
      slotGroup[slot] = groupKeys.length;
      groupKeys.push(key);
      if (groupKeys.length * 2 > capacity) {
        // Load factor above ½: double the table and re-insert the keys met so far.
        capacity *= 2;
        mask = capacity - 1;
        slotKey = new Float64Array(capacity).fill(-1);
        slotGroup = new Int32Array(capacity);
        for (let g = 0; g < groupKeys.length; g += 1) {
          const k = groupKeys[g] as number;
          let free = slotOf(k, mask);
          while (slotKey[free] !== -1) free = (free + 1) & mask;
          slotKey[free] = k;
          slotGroup[free] = g;
        }
      }
      groupOfRow[i] = groupKeys.length - 1;
      continue;
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
