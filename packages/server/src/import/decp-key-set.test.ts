import { decpContentSignature } from '@mutualis/core';
import { describe, expect, it } from 'vitest';
import { DecpKeySet } from './decp-key-set';

const LOT_3 = decpContentSignature({
  objet: 'Réhabilitation de l’école Kléber : Lot 3 : couverture',
  amountCents: 11_793_200,
  notificationDate: null,
});
const LOT_5 = decpContentSignature({
  objet: 'Réhabilitation de l’école Kléber : Lot 5 : menuiseries',
  amountCents: 14_695_300,
  notificationDate: null,
});

describe('DecpKeySet', () => {
  it('tells a new key from one already met, and a republication from another contract under the same key', () => {
    const keys = new DecpKeySet();
    expect(keys.add('21590328700013|2019-001', LOT_3)).toBe('new');
    expect(keys.add('21590328700013|2019-002', LOT_3)).toBe('new');
    expect(keys.add('21590328700013|2019-001', LOT_3)).toBe('same');
    expect(keys.add('21590328700013|2019-001', LOT_5)).toBe('other');
    // The first record's signature stays the key's.
    expect(keys.add('21590328700013|2019-001', LOT_3)).toBe('same');
    expect(keys.size).toBe(2);
  });

  it('keeps every key across growth of its table (200,000 distinct keys, then each again)', () => {
    const keys = new DecpKeySet();
    const key = (i: number) => `2${String(i % 20_000).padStart(13, '0')}|G${i.toString(36).toUpperCase()}`;
    let added = 0;
    for (let i = 0; i < 200_000; i += 1) if (keys.add(key(i), i) === 'new') added += 1;
    let again = 0;
    for (let i = 0; i < 200_000; i += 1) if (keys.add(key(i), i) === 'new') again += 1;
    expect([added, again, keys.size]).toEqual([200_000, 0, 200_000]);
  });

  it('distinguishes keys that differ only by order or case', () => {
    const keys = new DecpKeySet();
    expect(['ab|1', 'ba|1', 'AB|1', 'ab|1 '].map((k) => keys.add(k, 0))).toEqual(['new', 'new', 'new', 'new']);
  });
});
