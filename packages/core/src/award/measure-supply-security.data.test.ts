import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DecpAward } from '../decp/decp-award';
import { normalizeDecpAward } from '../decp/normalize-decp-award';
import { readWrappedList } from '../decp/raw-record';
import { measureSupplySecurity, type PastFamilyContract } from './measure-supply-security';

/*
 * Issue 17 §2 on real records: the bids received (`offresRecues`, DECP 2024 format) on past contracts feed the
 * supply-security indicator. Expected values read independently with
 *   python3 -c "import json; print([m.get('offresRecues') for m in json.load(open(F))['marches']])"
 * - megalis_decp-59920013600241-2024-07-09-01.json (5 works lots of one buyer, Nord): [11, 11, 11, 11, 11]
 *   → 5 contracts publishing bids, median 11;
 * - tests__data__decp_test_2022.json (national consolidation test records): [0, 5, 55, 2, 0]; a 0 tells
 *   nothing of competition (the consolidation writes 0 when the field is empty), so 3 contracts count:
 *   sorted [2, 5, 55] → median 5.
 */
const MEGALIS = '/work/shared/data/decp-more-real/megalis_decp-59920013600241-2024-07-09-01.json';
const CONSOLIDATED = '/work/shared/data/decp-consolidated/tests__data__decp_test_2022.json';

/**
 * The records of a file, `marches` being a list or wrapped as `{ marche: [...] }` (2024 format). The consolidation's
 * test file was written by Python and holds bare `NaN` values, which JSON.parse refuses: read as null.
 */
const recordsOf = (path: string) =>
  readWrappedList((JSON.parse(readFileSync(path, 'utf8').replace(/:\s*NaN\b/g, ': null')) as { marches: unknown }).marches, 'marche');

/**
 * The consolidation's flat records carry every field of both kinds, `concessionnaires` and `autoriteConcedante`
 * included (empty strings): read as they are, they stay public contracts (`_type` « Marché »).
 */
function awardsOf(path: string): DecpAward[] {
  return recordsOf(path).map((raw) => {
    const result = normalizeDecpAward(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.rejections));
    return result.award;
  });
}

const pastContractOf = (award: DecpAward): PastFamilyContract => ({
  holderKey: award.holders[0]?.id ?? award.id,
  holderName: award.holders[0]?.name ?? award.holders[0]?.id ?? award.id,
  amountCents: award.amountCents ?? 0,
  offersReceived: award.offersReceived ?? null,
});

describe('bids received on past contracts, from real DECP 2024 records', () => {
  it('reads offresRecues of each record', () => {
    expect(awardsOf(MEGALIS).map((a) => a.offersReceived)).toEqual([11, 11, 11, 11, 11]);
    expect(awardsOf(CONSOLIDATED).map((a) => a.offersReceived)).toEqual([0, 5, 55, 2, 0]);
  });

  it('gives the median of the bids the past contracts drew, leaving out those that publish none', () => {
    const megalis = measureSupplySecurity({ bidders: [], sites: [], pastContracts: awardsOf(MEGALIS).map(pastContractOf) });
    expect(megalis.expectedBidders).toMatchObject({ pastOffersMedian: 11, pastContractsWithOffers: 5 });
    expect(megalis.expectedBidders.text).toContain('les 5 marchés passés de la famille publiant leurs offres en ont reçu 11 en médiane');
    const consolidated = measureSupplySecurity({ bidders: [], sites: [], pastContracts: awardsOf(CONSOLIDATED).map(pastContractOf) });
    expect(consolidated.expectedBidders).toMatchObject({ pastOffersMedian: 5, pastContractsWithOffers: 3 });
  });

  it('says the bids are unknown for 2019-format records, which have no offresRecues', () => {
    const raw = { ...(recordsOf(MEGALIS)[0] as Record<string, unknown>) };
    delete raw.offresRecues;
    const result = normalizeDecpAward(raw);
    if (!result.ok) throw new Error('the record stays valid without offresRecues');
    expect(result.award.offersReceived).toBeUndefined();
    const security = measureSupplySecurity({ bidders: [], sites: [], pastContracts: [pastContractOf(result.award)] });
    expect(security.expectedBidders.pastOffersMedian).toBeNull();
    expect(security.expectedBidders.text).toContain('non publiées dans les données essentielles disponibles');
  });
});
