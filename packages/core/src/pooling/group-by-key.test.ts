import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByKey } from './group-by-key';

/** Reference: the same grouping with a Map, groups in order of first appearance, rows in input order. */
function groupWithMap(keys: readonly number[]): { keys: number[]; rows: number[][] } {
  const groups = new Map<number, number[]>();
  keys.forEach((key, row) => {
    if (key < 0) return;
    const rows = groups.get(key);
    if (rows) rows.push(row);
    else groups.set(key, [row]);
  });
  return { keys: [...groups.keys()], rows: [...groups.values()] };
}

describe('groupByKey', () => {
  it('groups like a Map, skipping negative keys, across table growth (up to 5 000 distinct keys, some above 2^32)', () => {
    const key = fc.oneof(fc.integer({ min: -3, max: 20 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 2 ** 32, max: 2 ** 40 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 6_000 }), (keys) => {
        const groups = groupByKey(Float64Array.from(keys));
        const expected = groupWithMap(keys);
        expect([...groups.keys]).toEqual(expected.keys);
        expect(groups.groupCount).toBe(expected.keys.length);
        const rows = expected.keys.map((_, g) => [...groups.rows.subarray(groups.start[g] as number, groups.start[g + 1] as number)]);
        expect(rows).toEqual(expected.rows);
      }),
      { numRuns: 60 },
    );
  });
});
