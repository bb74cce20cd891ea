import { completeSiret } from '@mutualis/core';
import { describe, expect, it } from 'vitest';
import { SiretSet } from '../src/decp/siret-set';

describe('SiretSet', () => {
  it('holds exactly the SIRETs added, past several growths, as a Set of strings would', () => {
    // Expected membership from a plain Set fed the same sequence: 200,000 SIRETs of 40,000 SIRENs
    // (five establishments each, the neighbouring values a territory has), every third added twice.
    const set = new SiretSet();
    const plain = new Set<string>();
    for (let i = 0; i < 200_000; i += 1) {
      const siret = completeSiret(`${String(200_000_000 + Math.floor(i / 5) * 7).padStart(9, '0')}000${i % 5}`);
      set.add(siret);
      plain.add(siret);
      if (i % 3 === 0) set.add(siret);
    }
    expect(set.size).toBe(plain.size);
    for (const siret of plain) expect(set.has(siret)).toBe(true);
    // Not added: the next establishment number of each SIREN (never used above) is not found.
    let found = 0;
    for (let n = 0; n < 40_000; n += 1) if (set.has(completeSiret(`${200_000_000 + n * 7}0009`))) found += 1;
    expect(found).toBe(0);
  });

  it('takes the zero SIRET (its slot value is one, not the free mark) and ignores what is not 14 digits', () => {
    const set = new SiretSet();
    set.add('00000000000000');
    set.add('ABC');
    set.add('1234567890123');
    set.add('123456789012345');
    expect(set.size).toBe(1);
    expect(set.has('00000000000000')).toBe(true);
    expect(set.has('ABC')).toBe(false);
    expect(set.has('1234567890123')).toBe(false);
    expect(set.has('00000000000001')).toBe(false);
  });
});
