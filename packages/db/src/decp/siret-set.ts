import { PairSet } from '@mutualis/core/collections';

const TWO_TO_32 = 2 ** 32;

/**
 * A set of SIRETs, exactly: each one plus one (so never zero), split into its two 32-bit halves
 * (14 digits fit in 47 bits) in a `PairSet`, 8 bytes a SIRET instead of a string and a `Set` entry,
 * for the hundreds of thousands of organizations a national import meets. Anything but 14 digits is
 * never added, never found.
 */
export class SiretSet {
  private readonly pairs = new PairSet();

  get size(): number {
    return this.pairs.size;
  }

  has(siret: string): boolean {
    const value = valuePlusOne(siret);
    return value !== 0 && this.pairs.has(Math.floor(value / TWO_TO_32), value % TWO_TO_32);
  }

  add(siret: string): void {
    const value = valuePlusOne(siret);
    if (value !== 0) this.pairs.add(Math.floor(value / TWO_TO_32), value % TWO_TO_32);
  }
}

/** The SIRET as a number, plus one; 0 when it is not 14 digits. */
function valuePlusOne(siret: string): number {
  return siret.length === 14 && /^\d{14}$/.test(siret) ? Number(siret) + 1 : 0;
}
