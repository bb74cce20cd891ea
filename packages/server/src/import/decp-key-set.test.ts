import { describe, expect, it } from 'vitest';
import { DecpKeySet } from './decp-key-set';

describe('DecpKeySet', () => {
  it('tells a new key from one already met', () => {
    const keys = new DecpKeySet();
    expect(keys.add('21590328700013|2019-001')).toBe(true);
    expect(keys.add('21590328700013|2019-002')).toBe(true);
    expect(keys.add('21590328700013|2019-001')).toBe(false);
    expect(keys.size).toBe(2);
  });

  it('keeps every key across growth of its table (200,000 distinct keys, then each again)', () => {
    const keys = new DecpKeySet();
    const key = (i: number) => `2${String(i % 20_000).padStart(13, '0')}|G${i.toString(36).toUpperCase()}`;
    let added = 0;
    for (let i = 0; i < 200_000; i += 1) if (keys.add(key(i))) added += 1;
    let again = 0;
    for (let i = 0; i < 200_000; i += 1) if (keys.add(key(i))) again += 1;
    expect([added, again, keys.size]).toEqual([200_000, 0, 200_000]);
  });

  it('distinguishes keys that differ only by order or case', () => {
    const keys = new DecpKeySet();
    expect(['ab|1', 'ba|1', 'AB|1', 'ab|1 '].map((k) => keys.add(k))).toEqual([true, true, true, true]);
  });
});
