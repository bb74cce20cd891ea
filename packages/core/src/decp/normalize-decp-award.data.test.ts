import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecpAward } from './decp-award';
import { normalizeDecpAward } from './normalize-decp-award';
import { readWrappedList } from './raw-record';

const REAL = '/work/shared/data/decp-2019-colinmaudry-decp-json';
const OFFICIAL = '/work/shared/data/decp-schemas/examples-official-synthetic';
const REAL_FILES = ['data.gouv.fr_aife', 'data.gouv.fr_pes', 'e-marchespublics', 'marches-publics.info'];

const realRecords = new Map(
  REAL_FILES.map((name) => [name, (JSON.parse(readFileSync(join(REAL, `${name}.dev80.json`), 'utf8')) as { marches: unknown[] }).marches]),
);

function realAward(file: string, index: number): DecpAward {
  const result = normalizeDecpAward(realRecords.get(file)?.[index]);
  if (!result.ok) throw new Error(JSON.stringify(result.rejections));
  return result.award;
}

/**
 * Counts derived independently:
 * - records with a non-empty `modifications` list, per file, by
 *     for f in /work/shared/data/decp-2019-colinmaudry-decp-json/*.json; do
 *       jq '[.marches[] | select((.modifications | length) > 0)] | length' "$f"; done
 *   → AIFE 27, PES 7, e-marchespublics 6, marches-publics.info 65 (105);
 * - the rest by python3 packages/server/test/fixtures/decp/derive-expected.py (Python's json and the
 *   rules rewritten in Python), last line: `normalised 6269 with amendments 67 duration changed 11
 *   amount changed 47 estimated start 13`, and 1,898 records rejected only for having no date at
 *   all (no dateNotification, no datePublicationDonnees: all in AIFE).
 * Undated records: the AIFE file has 2,004 marchés without dateNotification (jq:
 *   `[.marches[] | select(._type != "Contrat de concession") | select((.dateNotification // "") == "")] | length`);
 * 13 of them have a datePublicationDonnees (`… | select((.datePublicationDonnees // "") != "")`) and
 * are now imported with that date as an estimated start (before: 6,256 normalised, now 6,269);
 * the 1,991 others have no date at all and stay rejected (1,898 of them for that reason alone).
 */
describe('normalizeDecpAward on the 8,486 real 2019 records', () => {
  const results = [...realRecords.values()].flat().map((raw) => normalizeDecpAward(raw));
  const awards = results.flatMap((r) => (r.ok ? [r.award] : []));

  it('finds the records with amendments that jq finds', () => {
    const withModifications = REAL_FILES.map(
      (file) =>
        (realRecords.get(file) ?? []).filter(
          (raw) => readWrappedList((raw as { modifications?: unknown }).modifications, 'modification').length > 0,
        ).length,
    );
    expect(withModifications).toEqual([27, 7, 6, 65]);
  });

  it('applies them and dates undated records as the independent derivation does', () => {
    expect({
      normalised: awards.length,
      withAmendments: awards.filter((a) => a.amendments.length > 0).length,
      durationChanged: awards.filter((a) => a.durationMonths !== a.initialDurationMonths).length,
      amountChanged: awards.filter((a) => a.amountCents !== a.initialAmountCents).length,
      estimatedStart: awards.filter((a) => a.startDateSource === 'publication').length,
      onlyUndated: results.filter((r) => !r.ok && r.rejections.length === 1 && r.rejections[0]?.field === 'dateNotification').length,
      amendmentRejections: results.filter((r) => !r.ok && r.rejections.some((x) => x.field.startsWith('modifications'))).length,
    }).toEqual({
      normalised: 6269,
      withAmendments: 67,
      durationChanged: 11,
      amountChanged: 47,
      estimatedStart: 13,
      onlyUndated: 1898,
      amendmentRejections: 0,
    });
  });

  it('prolongs a contract by its amendment (marches-publics.info 2019FCS0101)', () => {
    // Notified 2019-01-31 for 24 months and 21,312 €; amendment notified 2019-01-31: 48 months, 42,624 €.
    // End 2019-01-31 + 48 months = 2023-01-31 (2021-01-31 without the amendment).
    expect(realAward('marches-publics.info', 2785)).toMatchObject({
      id: '2019FCS0101',
      startDate: '2019-01-31',
      durationMonths: 48,
      initialDurationMonths: 24,
      endDate: '2023-01-31',
      amountCents: 4_262_400,
      initialAmountCents: 2_131_200,
    });
  });

  it('takes a PES amendment’s amount, its date carrying a time-zone suffix (PES 20191815201)', () => {
    // Notified 2019-01-15+01:00 for 3 months (end 2019-04-15), 50,273.41 € → 57,379.41 € by the amendment of 2019-02-15+01:00.
    const award = realAward('data.gouv.fr_pes', 107);
    expect([award.id, award.endDate, award.amountCents, award.initialAmountCents, award.amendments[0]?.date]).toEqual([
      '20191815201',
      '2019-04-15',
      5_737_941,
      5_027_341,
      '2019-02-15',
    ]);
  });

  it('applies three same-day amendments in their order (marches-publics.info 2019007003)', () => {
    // 24 months, 1,127 €; three amendments of 2019-01-23 restating 108 € (the first also 24 months).
    const award = realAward('marches-publics.info', 2661);
    expect([award.durationMonths, award.amountCents, award.amendments.map((a) => a.index)]).toEqual([24, 10_800, [0, 1, 2]]);
  });

  it('dates an undated AIFE record by the publication of its data (2018badHseH4GQ00)', () => {
    // No dateNotification; datePublicationDonnees 2019-03-05; 36 months → end 2022-03-05.
    expect(realAward('data.gouv.fr_aife', 650)).toMatchObject({
      id: '2018badHseH4GQ00',
      notificationDate: null,
      startDate: '2019-03-05',
      startDateSource: 'publication',
      endDate: '2022-03-05',
    });
  });
});

interface OfficialDocument {
  marches: { marche: Record<string, unknown>[] };
}

describe('normalizeDecpAward on the official 2024 example with modifications', () => {
  const document = JSON.parse(readFileSync(join(OFFICIAL, 'marches_avec_modifications.json'), 'utf8')) as OfficialDocument;
  const [first = {}, second = {}] = document.marches.marche;

  it('rejects the fictitious buyer SIRET of the example and keeps the amendment’s invalid holder as unknown', () => {
    // TEST2022: buyer 21750001630066 fails the Luhn key. Both marchés' amendment names a holder
    // "868768687576575", 15 digits: not a SIRET, so TEST2022Bis is imported with an unknown current holder.
    const rejections = [first, second].map((raw) => {
      const result = normalizeDecpAward(raw);
      return result.ok ? [] : result.rejections.map((r) => r.field);
    });
    expect(rejections).toEqual([['acheteur.id'], []]);
    const result = normalizeDecpAward(second);
    expect(result.ok && [result.award.durationMonths, result.award.amountCents, result.award.holders.map((h) => h.siret)]).toEqual([
      12,
      12_345_787,
      [null],
    ]);
  });

  it('applies the amendment once its holder has a valid SIRET', () => {
    // TEST2022Bis: notified 2024-05-15, 48 months, 575,000 €; modification id 1 notified 2022-10-18:
    // 12 months, 123,457.87 €, one holder. End 2024-05-15 + 12 months = 2025-05-15.
    const modification = { ...(second.modifications as { modification: Record<string, unknown> }[])[0]?.modification };
    modification.titulaires = [{ titulaire: { id: '85480074501125', typeIdentifiant: 'SIRET' } }];
    const result = normalizeDecpAward({ ...second, modifications: [{ modification }] });
    expect(result.ok && result.award).toMatchObject({
      key: '21750001630040|TEST2022Bis',
      format: '2024',
      nature: 'accord_cadre',
      startDate: '2024-05-15',
      durationMonths: 12,
      initialDurationMonths: 48,
      endDate: '2025-05-15',
      amountCents: 12_345_787,
      initialAmountCents: 57_500_000,
      holders: [{ idType: 'SIRET', siret: '85480074501125', name: null }],
      amendments: [expect.objectContaining({ index: 0, id: '1', date: '2022-10-18', dateField: 'dateNotificationModification' })],
    });
  });
});
