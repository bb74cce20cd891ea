const INITIAL_CAPACITY = 1 << 16;
const TWO_TO_32 = 2 ** 32;

/**
 * A set of SIRETs held as numbers (14 digits fit exactly in a double) in an open-addressing table
 * filled up to three quarters: 8 bytes a slot instead of a string and a `Set` entry each, for the
 * hundreds of thousands of organizations a national import meets. A slot holds the SIRET plus one,
 * so that zero marks a free slot. Anything but 14 digits is never added, never found.
 */
export class SiretSet {
  private slots = new Float64Array(INITIAL_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(siret: string): boolean {
    const value = slotValue(siret);
    if (value === 0) return false;
    const mask = this.slots.length - 1;
    for (let slot = hash(value) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === value) return true;
      if (held === 0) return false;
    }
  }

  add(siret: string): void {
    const value = slotValue(siret);
    if (value !== 0) this.insert(value);
  }

  private insert(value: number): void {
    if ((this.count + 1) * 4 > this.slots.length * 3) this.grow();
    const mask = this.slots.length - 1;
    let slot = hash(value) & mask;
    for (;;) {
      const held = this.slots[slot] as number;
      if (held === value) return;
      if (held === 0) break;
      slot = (slot + 1) & mask;
    }
    this.slots[slot] = value;
    this.count += 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.count = 0;
    for (const value of old) if (value !== 0) this.insert(value);
  }
}

/** The SIRET plus one, or 0 when it is not 14 digits. */
function slotValue(siret: string): number {
  return siret.length === 14 && /^\d{14}$/.test(siret) ? Number(siret) + 1 : 0;
}

/** Mixes both 32-bit halves of the value (SIRETs of one SIREN differ only in their last digits). */
function hash(value: number): number {
  const low = (value % TWO_TO_32) | 0;
  const high = Math.floor(value / TWO_TO_32) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
