import { describe, expect, it } from 'vitest';
import type { DecpFlag } from './decp-flag';
import { type DecpFlagQueueEntry, queueDecpFlags } from './decp-flag-queue';

const UNDATED: DecpFlag = { code: 'undated', value: '2018-01-01', year: 2018, yearSource: 'id', publishedDate: null };
const SENTINEL: DecpFlag = { code: 'amount_sentinel', value: 99_999_999_900, published: '999 999 999' };
const SHARED: DecpFlag = { code: 'id_shared', value: null, published: '2019000000001500' };
const REVIEW = { by: 'animatrice@example.fr', at: '2026-12-06T15:00:00.000Z' };

function entry(id: string, overrides: Partial<DecpFlagQueueEntry> = {}): DecpFlagQueueEntry {
  return {
    id,
    startDate: '2018-01-01',
    holderSiret: null,
    cpvCode: '34927100',
    nature: 'marche',
    durationMonths: 12,
    amountCents: 99_999_999_900,
    decpFlags: [],
    decpFlagReviews: {},
    ...overrides,
  };
}

/**
 * Five contracts, their flags' status read by hand from `decpFlagStatus`:
 * - a: undated (start still the stand-in 2018-01-01) and sentinel amount, neither reviewed → both pending;
 * - b: undated, dated since (start 2018-06-01 ≠ the flag's 2018-01-01) → corrected: nothing pending;
 * - c: sentinel amount confirmed at its current value, undated still pending → one pending (undated);
 * - d: sentinel amount confirmed, then the amount changed (the confirmation was of another value) →
 *   corrected (the field no longer holds the flagged value): nothing pending;
 * - e: identifier shared, confirmed → nothing pending;
 * - f: no flag → never listed.
 */
const ENTRIES = [
  entry('a', { decpFlags: [UNDATED, SENTINEL] }),
  entry('b', { decpFlags: [UNDATED], startDate: '2018-06-01' }),
  entry('c', { decpFlags: [UNDATED, SENTINEL], decpFlagReviews: { amount_sentinel: { ...REVIEW, value: 99_999_999_900 } } }),
  entry('d', {
    decpFlags: [SENTINEL],
    amountCents: 1_250_000,
    decpFlagReviews: { amount_sentinel: { ...REVIEW, value: 99_999_999_900 } },
  }),
  entry('e', { decpFlags: [SHARED], decpFlagReviews: { id_shared: { ...REVIEW, value: null } } }),
  entry('f'),
];

describe('queueDecpFlags', () => {
  it('keeps the contracts with a flag still to look at, or every flagged one, in the order given', () => {
    expect(queueDecpFlags(ENTRIES, { status: 'pending' }).ids).toEqual(['a', 'c']);
    expect(queueDecpFlags(ENTRIES, { status: 'all' }).ids).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('filters on one code: that flag pending, or that flag carried', () => {
    // Sentinel pending only on a (c's is confirmed, d's corrected); carried by a, c, d.
    expect(queueDecpFlags(ENTRIES, { code: 'amount_sentinel', status: 'pending' }).ids).toEqual(['a']);
    expect(queueDecpFlags(ENTRIES, { code: 'amount_sentinel', status: 'all' }).ids).toEqual(['a', 'c', 'd']);
    // c is pending, but for undated: listed under undated, not under its confirmed sentinel.
    expect(queueDecpFlags(ENTRIES, { code: 'undated', status: 'pending' }).ids).toEqual(['a', 'c']);
    expect(queueDecpFlags(ENTRIES, { code: 'id_shared', status: 'pending' }).ids).toEqual([]);
  });

  it('counts the contracts per status and per flag, whatever the filter', () => {
    const queue = queueDecpFlags(ENTRIES, { code: 'id_shared', status: 'pending' });
    expect(queue.totals).toEqual({ pending: 2, all: 5 });
    const { pending, all } = queue.counts;
    expect([all.undated, all.amount_sentinel, all.id_shared, all.cpv_2003]).toEqual([3, 3, 1, 0]);
    expect([pending.undated, pending.amount_sentinel, pending.id_shared, pending.cpv_2003]).toEqual([2, 1, 0, 0]);
  });
});
