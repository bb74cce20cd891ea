import { getRandomValues, randomUUID } from 'node:crypto';

/** A new UUID v4 for a row id. */
export function newId(): string {
  return randomUUID();
}

const COUNTER_SPAN = 2 ** 42;
/** A fresh millisecond starts its counter below this, leaving 2^41 ids of headroom in that millisecond. */
const COUNTER_START_SPAN = 2 ** 41;
const LOW_BITS = 2 ** 30;
/** Random 32-bit words drawn 1,024 at a time: one `getRandomValues` call each cost about as much as minting 20 ids. */
const randomPool = new Uint32Array(1024);
let randomNext = randomPool.length;
const random32 = (): number => {
  if (randomNext === randomPool.length) {
    getRandomValues(randomPool);
    randomNext = 0;
  }
  return (randomPool[randomNext++] as number) >>> 0;
};
const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/** 32 random bits per process: two processes minting ids in the same millisecond differ here too. */
const processTail = hex(random32(), 8);
let lastMs = -1;
let counter = 0;
let timePrefix = '';

/**
 * A new UUID v7 (RFC 9562), strictly increasing within this process: 48-bit Unix milliseconds,
 * then a 42-bit counter (method 1 of the RFC, randomly seeded each millisecond), then 32 random
 * bits fixed per process. Bulk imports use it so that primary-key indexes grow at their end
 * instead of at random pages (a random v4 id dirties a different b-tree page on each insert).
 */
export function newOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = Math.floor((random32() / 2 ** 32) * COUNTER_START_SPAN);
    timePrefix = '';
  } else {
    counter += 1;
    if (counter >= COUNTER_SPAN) {
      lastMs += 1; // borrow the next millisecond rather than go backwards
      counter = 0;
      timePrefix = '';
    }
  }
  if (timePrefix === '') {
    const ms = hex(lastMs, 12);
    timePrefix = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7`;
  }
  const high = Math.floor(counter / LOW_BITS); // 12 bits: rand_a
  const low = hex((0x80000000 | (counter % LOW_BITS)) >>> 0, 8); // variant 10, then 30 counter bits
  return `${timePrefix}${hex(high, 3)}-${low.slice(0, 4)}-${low.slice(4)}${processTail}`;
}
