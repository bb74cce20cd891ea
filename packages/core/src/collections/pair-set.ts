const INITIAL_CAPACITY = 1 << 16;

/**
 * A set of pairs of unsigned 32-bit numbers, in an open-addressing table filled up to three
 * quarters: 8 bytes a slot, where a `Set` of strings takes a string and an entry per member. For the
 * millions of keys a national import meets, encoded by the caller as two numbers (a fingerprint,
 * or an identifier split in halves). The pair (0, 0) marks a free slot: it is never a member, and
 * callers encode their keys so that it never occurs.
 */
export class PairSet {
  private high = new Uint32Array(INITIAL_CAPACITY);
  private low = new Uint32Array(INITIAL_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(high: number, low: number): boolean {
    const mask = this.high.length - 1;
    for (let slot = slotOf(high, low) & mask; ; slot = (slot + 1) & mask) {
      const h = this.high[slot] as number;
      const l = this.low[slot] as number;
      if (h === 0 && l === 0) return false;
      if (h === high && l === low) return true;
    }
  }

  /** Adds the pair; false when it was already there. */
  add(high: number, low: number): boolean {
    if ((this.count + 1) * 4 > this.high.length * 3) this.grow();
    const mask = this.high.length - 1;
    let slot = slotOf(high, low) & mask;
    for (;;) {
      const h = this.high[slot] as number;
      const l = this.low[slot] as number;
      if (h === 0 && l === 0) break;
      if (h === high && l === low) return false;
      slot = (slot + 1) & mask;
    }
    this.high[slot] = high;
    this.low[slot] = low;
    this.count += 1;
    return true;
  }

  private grow(): void {
    const { high, low } = this;
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(high.length * 2);
    this.count = 0;
    for (let i = 0; i < high.length; i += 1) if (high[i] !== 0 || low[i] !== 0) this.add(high[i] as number, low[i] as number);
  }
}

/** Mixes both halves (an identifier's halves are far from random: neighbours differ in their last digits). */
function slotOf(high: number, low: number): number {
  let h = high ^ Math.imul(low, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
