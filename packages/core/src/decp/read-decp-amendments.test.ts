import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../calendar/iso-date';
import { buildRawDecpRecord } from './build-raw-decp-record';
import { normalizeDecpAward } from './normalize-decp-award';
import { readDecpAmendments } from './read-decp-amendments';

const dateArb = fc.option(
  fc.oneof(
    fc.date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom('2019-02-30', 'bientôt', '2019-03-04+01:00'),
  ),
  { nil: undefined },
);
const amendmentArb = fc.record(
  {
    id: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    dureeMois: fc.option(fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom('12', 'douze', 1.5, '')), { nil: undefined }),
    montant: fc.option(fc.oneof(fc.integer({ min: -100, max: 10_000_000 }), fc.constantFrom('1 200,50', 'N/A', 0)), { nil: undefined }),
    dateNotificationModification: dateArb,
    datePublicationDonneesModification: dateArb,
  },
  { requiredKeys: [] },
);
const wrappedArb = fc.array(
  fc.oneof(
    amendmentArb,
    amendmentArb.map((modification) => ({ modification })),
  ),
  { maxLength: 5 },
);

describe('readDecpAmendments', () => {
  it('returns the shared empty list for a record without amendments', () => {
    expect([readDecpAmendments([], []), readDecpAmendments({ modification: [] }, [])]).toEqual([[], []]);
  });

  it('never throws; an award either lists only amendment rejections or ends at start + the latest stated duration', () => {
    fc.assert(
      fc.property(wrappedArb, (modifications) => {
        const result = normalizeDecpAward(buildRawDecpRecord({ modifications }));
        if (!result.ok) {
          for (const r of result.rejections) expect(r.field).toMatch(/^modifications\.\d+\.(dureeMois|montant|date\w+)$/);
          return;
        }
        const { award } = result;
        const stated = award.amendments.filter((a) => a.durationMonths !== null);
        expect(award.durationMonths).toBe(stated.at(-1)?.durationMonths ?? award.initialDurationMonths);
        expect(award.endDate).toBe(addMonths(award.startDate, award.durationMonths));
        const amounts = award.amendments.filter((a) => a.amountCents !== null);
        expect(award.amountCents).toBe(amounts.at(-1)?.amountCents ?? award.initialAmountCents);
        const dated = award.amendments.every((a) => a.dateField === award.amendments[0]?.dateField && a.date !== null);
        if (dated) {
          const dates = award.amendments.map((a) => a.date as string);
          expect(dates).toEqual([...dates].sort());
        }
      }),
      { numRuns: 500 },
    );
  });
});
