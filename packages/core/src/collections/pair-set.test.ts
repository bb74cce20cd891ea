import { describe, expect, it } from 'vitest';
import { PairMap, PairSet } from './pair-set';

describe('PairSet', () => {
  it('holds exactly the pairs added, past several growths', () => {
    // 300,000 pairs with a small high half and neighbouring low halves (an identifier's shape), each added twice.
    const pairs = new PairSet();
    let added = 0;
    for (let i = 1; i <= 300_000; i += 1) if (pairs.add(i % 7, i)) added += 1;
    let again = 0;
    for (let i = 1; i <= 300_000; i += 1) if (pairs.add(i % 7, i)) again += 1;
    let found = 0;
    for (let i = 1; i <= 300_000; i += 1) if (pairs.has(i % 7, i) && !pairs.has((i % 7) + 7, i)) found += 1;
    expect([added, again, pairs.size, found]).toEqual([300_000, 0, 300_000, 300_000]);
  });

  it('never holds the free mark (0, 0), and tells halves apart', () => {
    const pairs = new PairSet();
    expect([pairs.add(0, 1), pairs.add(1, 0), pairs.add(1, 0)]).toEqual([true, true, false]);
    expect([pairs.has(0, 1), pairs.has(1, 0), pairs.has(0, 0), pairs.has(1, 1)]).toEqual([true, true, false, false]);
  });
});

describe('PairMap', () => {
  it('keeps the first value set for each pair, past several growths', () => {
    const map = new PairMap();
    for (let i = 1; i <= 200_000; i += 1) map.setIfAbsent(i % 5, i, i * 3);
    // A second value for the same pairs is not taken: the first stays.
    let kept = 0;
    for (let i = 1; i <= 200_000; i += 1) if (map.setIfAbsent(i % 5, i, 7) === (i * 3) >>> 0) kept += 1;
    let found = 0;
    for (let i = 1; i <= 200_000; i += 1) if (map.get(i % 5, i) === (i * 3) >>> 0 && map.get((i % 5) + 5, i) === undefined) found += 1;
    expect([map.size, kept, found]).toEqual([200_000, 200_000, 200_000]);
  });

  it('holds a value of 0 and the largest unsigned value', () => {
    const map = new PairMap();
    expect([map.setIfAbsent(1, 2, 0), map.setIfAbsent(3, 4, 0xffffffff), map.get(1, 2), map.get(3, 4), map.get(2, 1)]).toEqual([
      0,
      0xffffffff,
      0,
      0xffffffff,
      undefined,
    ]);
  });
});
