const INITIAL_CAPACITY = 1 << 16;

/**
 * Pairs of unsigned 32-bit numbers in an open-addressing table filled up to three quarters: 8 bytes
 * a slot (12 with a value), where a `Set` or `Map` of strings takes a string and an entry per member.
 * For the millions of keys a national import meets, encoded by the caller as two numbers (a
 * fingerprint, or an identifier split in halves). The pair (0, 0) marks a free slot: it is never a
 * member, and callers encode their keys so that it never occurs.
 */
abstract class PairTable {
  protected high = new Uint32Array(INITIAL_CAPACITY);
  protected low = new Uint32Array(INITIAL_CAPACITY);
  protected values: Uint32Array | null;
  private count = 0;

  constructor(withValues: boolean) {
    this.values = withValues ? new Uint32Array(INITIAL_CAPACITY) : null;
  }

  get size(): number {
    return this.count;
  }

  /** The slot holding the pair, or the free slot where it would go. */
  protected slotOf(high: number, low: number): number {
    const mask = this.high.length - 1;
    for (let slot = mix(high, low) & mask; ; slot = (slot + 1) & mask) {
      const h = this.high[slot] as number;
      const l = this.low[slot] as number;
      if ((h === 0 && l === 0) || (h === high && l === low)) return slot;
    }
  }

  protected isFree(slot: number): boolean {
    return this.high[slot] === 0 && this.low[slot] === 0;
  }

  /** Puts a new pair in `slot`, the free slot `slotOf` found for it (found again if the table grows past three quarters). */
  protected insert(slot: number, high: number, low: number, value: number): void {
    let free = slot;
    if ((this.count + 1) * 4 > this.high.length * 3) {
      this.grow();
      free = this.slotOf(high, low);
    }
    this.high[free] = high;
    this.low[free] = low;
    if (this.values !== null) this.values[free] = value;
    this.count += 1;
  }

  private grow(): void {
    const { high, low, values } = this;
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(high.length * 2);
    this.values = values === null ? null : new Uint32Array(high.length * 2);
    this.count = 0;
    for (let i = 0; i < high.length; i += 1) {
      const h = high[i] as number;
      const l = low[i] as number;
      if (h !== 0 || l !== 0) this.insert(this.slotOf(h, l), h, l, values?.[i] ?? 0);
    }
  }
}

/** A set of pairs of unsigned 32-bit numbers (see `PairTable`). */
export class PairSet extends PairTable {
  constructor() {
    super(false);
  }

  has(high: number, low: number): boolean {
    return !this.isFree(this.slotOf(high, low));
  }

  /** Adds the pair; false when it was already there. */
  add(high: number, low: number): boolean {
    const slot = this.slotOf(high, low);
    if (!this.isFree(slot)) return false;
    this.insert(slot, high, low, 0);
    return true;
  }
}

/** A map from pairs of unsigned 32-bit numbers to one unsigned 32-bit number (see `PairTable`). */
export class PairMap extends PairTable {
  constructor() {
    super(true);
  }

  get(high: number, low: number): number | undefined {
    const slot = this.slotOf(high, low);
    return this.isFree(slot) ? undefined : (this.values as Uint32Array)[slot];
  }

  /** Sets the pair's value unless the pair is there already; returns the value it holds. */
  setIfAbsent(high: number, low: number, value: number): number {
    const slot = this.slotOf(high, low);
    if (!this.isFree(slot)) return (this.values as Uint32Array)[slot] as number;
    this.insert(slot, high, low, value >>> 0);
    return value >>> 0;
  }
}

/** Mixes both halves (an identifier's halves are far from random: neighbours differ in their last digits). */
function mix(high: number, low: number): number {
  let h = high ^ Math.imul(low, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
