const INITIAL_CAPACITY = 1 << 16;

/**
 * The DECP keys (`buyerSiret|id`) already met in an import, held as 64-bit fingerprints (two
 * independent 32-bit hashes) in an open-addressing table filled up to three quarters: 8 bytes a
 * slot instead of a string and a Set entry per record, so memory stays small on millions of
 * records (16 MiB for 1,500,000). A zero pair marks a free slot (a key whose fingerprint is zero
 * takes the next one). Two distinct keys share a fingerprint with probability about n² / 2^65
 * (3 × 10^-8 for a million keys).
 */
export class DecpKeySet {
  private high = new Uint32Array(INITIAL_CAPACITY);
  private low = new Uint32Array(INITIAL_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `key`; false when it was already there. */
  add(key: string): boolean {
    const high = fnv1a(key);
    const low = murmurLike(key);
    return this.insert(high, high === 0 && low === 0 ? 1 : low);
  }

  private insert(high: number, low: number): boolean {
    if ((this.count + 1) * 4 > this.high.length * 3) this.grow();
    const mask = this.high.length - 1;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
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
    for (let i = 0; i < high.length; i += 1) if (high[i] !== 0 || low[i] !== 0) this.insert(high[i] as number, low[i] as number);
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function murmurLike(text: string): number {
  let hash = 0x2545f491 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    hash ^= k;
    hash = Math.imul((hash << 13) | (hash >>> 19), 5) + 0xe6546b64;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
