import { describe, expect, it } from 'vitest';
import { newOrderedId } from '../src';

describe('newOrderedId', () => {
  it('mints valid, distinct UUID v7 strings that increase in string order (so b-tree indexes grow at their end)', () => {
    const ids = Array.from({ length: 100_000 }, () => newOrderedId());
    // RFC 9562: version nibble 7 at position 14, variant bits 10 (hex 8–b) at position 19.
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const outOfOrder = ids.findIndex((id, i) => i > 0 && (ids[i - 1] as string) >= id);
    expect(outOfOrder).toBe(-1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the current Unix time in milliseconds', () => {
    const before = Date.now();
    const id = newOrderedId();
    const after = Date.now();
    const ms = Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    // Ids of a busy millisecond may borrow the next one, never an earlier one.
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after + 1);
  });
});
