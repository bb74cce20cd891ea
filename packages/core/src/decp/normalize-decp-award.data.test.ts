import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecpAward } from './decp-award';
import type { DecpFlag } from './decp-flag';
import { explainDecpFlag } from './explain-decp-flag';
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
 *   rules rewritten in Python), lines `normalised 8408 with amendments 68 duration changed 12 amount
 *   changed 47 estimated start 15` (two records of marches-publics.info, 021803cloture00 and 0218lot200, publish
 *   notification dates in the year 0218: read as absent, dated by their publication) and `flags (normalised) {'undated': 1988, 'holder_id_invalid': 183,
 *   'cpv_2003': 37, 'buyer_id_invalid': 13, 'amount_missing': 58, 'cpv_repaired': 12, 'cpv_unknown': 13,
 *   'amount_sentinel': 5, 'amendment_amount_low': 19}`. Issue 15: 8,486 − 54 test records − 23 concessions − 1 record naming no
 *   buyer = 8,408 kept; before, 6,269 (1,898 rejected only for having no date at all).
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
      rejectedByKind: Object.fromEntries(
        ['test', 'concession', 'no_buyer', 'unreadable'].map((k) => [k, results.filter((r) => !r.ok && r.kind === k).length]),
      ),
    }).toEqual({
      normalised: 8408,
      withAmendments: 68,
      durationChanged: 12,
      amountChanged: 47,
      estimatedStart: 15,
      rejectedByKind: { test: 54, concession: 23, no_buyer: 1, unreadable: 0 },
    });
  });

  it('flags as many records of each kind as the independent derivation', () => {
    const counts: Record<string, number> = {};
    for (const award of awards) for (const flag of award.flags) counts[flag.code] = (counts[flag.code] ?? 0) + 1;
    expect(counts).toEqual({
      undated: 1988,
      // 11 holders and 6 buyers of the AIFE file publish the placeholder 00000000000000, invalid since the SIRET check refuses it.
      holder_id_invalid: 183,
      cpv_2003: 37,
      amount_missing: 58,
      cpv_repaired: 12,
      cpv_unknown: 13,
      buyer_id_invalid: 13,
      amount_sentinel: 5,
      amendment_amount_low: 19,
    });
  });

  it('flags the placeholder SIRET 00000000000000, and says that buyers who share it are merged', () => {
    // Read with jq in the AIFE file: 6 records give their buyer as 00000000000000 (« AGENCE FRANCAISE DE
    // DEVELOPPEMENT » 3, « GIP LAB�O » 2, « INFOCOM94-March�s Publics » 1): one buyer_id_invalid each.
    const placeholders = awards.filter((a) => a.buyer.siret === '00000000000000');
    expect(placeholders.map((a) => a.flags.some((f) => f.code === 'buyer_id_invalid'))).toEqual(Array(6).fill(true));
    const flag = placeholders[0]?.flags.find((f) => f.code === 'buyer_id_invalid');
    expect(flag && explainDecpFlag(flag, { showAmounts: true })).toBe(
      'SIRET de l’acheteur « 00000000000000 » invalide (identifiant de remplissage : un SIREN d’un seul chiffre répété ne désigne ' +
        'personne) : l’acheteur est gardé sous cet identifiant tel que publié ; d’autres acheteurs publient le même identifiant de ' +
        'remplissage, et leurs marchés sont alors réunis sous un seul acheteur.',
    );
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

  it('refuses the AIFE record that names no buyer (2000006405556201): not a contract of a buyer', () => {
    // AIFE[1916]: {"id": "2000006405556201", "_type": "Marché", "procedure": …, "dureeMois": 4, "montant": 432104, "modifications": []}.
    const result = normalizeDecpAward(realRecords.get('data.gouv.fr_aife')?.[1916]);
    expect(result.ok ? null : [result.kind, result.rejections.map((r) => r.field)]).toEqual(['no_buyer', ['acheteur.id']]);
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

  it('keeps the fictitious buyer SIRET of the example flagged and the amendment’s invalid holder as unknown', () => {
    // TEST2022: buyer 21750001630066 fails the Luhn key. Both marchés' amendment names a holder
    // "868768687576575", 15 digits: not a SIRET, so TEST2022Bis is imported with an unknown current holder.
    // Both go from 575,000 € to 123,457.87 € by their amendment: below half, flagged (a new total or an increment?).
    const flags = [first, second].map((raw) => {
      const result = normalizeDecpAward(raw);
      return result.ok ? result.award.flags.map((f) => f.code) : null;
    });
    expect(flags).toEqual([
      ['buyer_id_invalid', 'holder_id_invalid', 'amendment_amount_low'],
      ['holder_id_invalid', 'amendment_amount_low'],
    ]);
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

const MOREYMAT = '/work/shared/data/decp-more-real/moreymat_decp_21590163800019_2019-01-01_2021-12-31.json';
const croix = (JSON.parse(readFileSync(MOREYMAT, 'utf8')) as { marches: unknown[] }).marches;

function keptFlags(raw: unknown) {
  const result = normalizeDecpAward(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.rejections));
  return result.award;
}

/** Each flag on a real record; the expected values read by hand in the file (index as in `jq '.marches[i]'`). */
describe('normalizeDecpAward flags real records instead of refusing them', () => {
  it('amendment_amount_low: e-marchespublics[247] 20180801 (Aiglun) goes from 30,000 € to 308 € by « AVENANT N°01 »', () => {
    // montant 30000, one amendment (2019-02-28, « AVENANT N°01 ») with montant 308: kept as the schema reads it (the new
    // total), 308 × 2 < 30,000 → flagged; if the 308 € were an increment the total would be 30,308 €.
    const kept = realAward('e-marchespublics', 247);
    expect([kept.amountCents, kept.flags]).toEqual([
      30_800,
      [{ code: 'amendment_amount_low', value: 30_800, initialCents: 3_000_000, amendmentCents: [30_800] }],
    ]);
    expect(explainDecpFlag(kept.flags[0] as DecpFlag, { showAmounts: true })).toBe(
      'Montant ramené par avenant de 30 000,00 € à 308,00 €, moins de la moitié : le schéma DECP fait du montant d’un avenant le ' +
        'nouveau total, mais beaucoup d’acheteurs y publient ce que l’avenant ajoute ; ce serait alors 30 308,00 €. Laissé hors des ' +
        'estimations jusqu’à confirmation ou correction.',
    );
    expect(explainDecpFlag(kept.flags[0] as DecpFlag, { showAmounts: false })).not.toMatch(/\d/);
  });

  it('undated: AIFE[0] 2018COs68fWklM00 (SOLIDEO) has neither date; year 2018 from the id', () => {
    // No dateNotification nor datePublicationDonnees; id "2018COs68fWklM00" → 2018; 12 months from the stand-in 2018-01-01 → 2019-01-01.
    expect(realAward('data.gouv.fr_aife', 0)).toMatchObject({
      startDate: '2018-01-01',
      endDate: '2019-01-01',
      startDateSource: 'undated',
      notificationDate: null,
      amountCents: 2_613_000,
      flags: [{ code: 'undated', value: '2018-01-01', year: 2018, yearSource: 'id', publishedDate: null }],
    });
  });

  it('holder_id_invalid: AIFE[24] 2018k5OWezJrxr00 keeps its buyer and amount, the holder unknown', () => {
    // Holder id 42209542100023: SIREN 422095421, Luhn from the right 1+4+4+1+9+0+2+4+4 = 29, not a multiple of 10.
    const award = realAward('data.gouv.fr_aife', 24);
    expect([award.holders.map((h) => h.siret), award.flags.find((f) => f.code === 'holder_id_invalid')]).toEqual([
      [null],
      { code: 'holder_id_invalid', value: null, ids: ['42209542100023'] },
    ]);
  });

  it('cpv_2003: AIFE[2241] CPAM HAUTES PYRENNEES, cleaning filed under CPV 2003 74700000, read as CPV 2008 90910000', () => {
    // SIMAP table row 74700000-9 → 90910000-9 (Services de nettoyage).
    expect(realAward('data.gouv.fr_aife', 2241).flags.filter((f) => f.code.startsWith('cpv'))).toEqual([
      { code: 'cpv_2003', value: '90910000', published: '74700000' },
    ]);
  });

  it.each([
    // COMMUNE D'USSEL, office supplies: 30192001 is no CPV code; its parent 30192000 (Fournitures de bureau) is.
    ['data.gouv.fr_aife', 3452, '30192001', '30192000', 'ancestor'],
    // Commune de Lons-le-Saunier, works: "4543100-7" lost a digit; 04543100 is no code, 45431000 (carrelage) is.
    ['marches-publics.info', 1437, '4543100-7', '45431000', 'padded'],
  ])('cpv_repaired: %s[%i] %s read as %s (%s)', (file, index, published, value, how) => {
    expect(realAward(file, index).flags.filter((f) => f.code.startsWith('cpv'))).toEqual([{ code: 'cpv_repaired', value, published, how }]);
  });

  it('cpv_repaired: Croix[51] has no codeCPV, its objet quotes « CPV 66513200-1 »', () => {
    expect(keptFlags(croix[51]).flags.filter((f) => f.code.startsWith('cpv'))).toEqual([
      { code: 'cpv_repaired', value: '66513200', published: '', how: 'objet' },
    ]);
  });

  it('cpv_unknown: PES[704] CCPI BUDGET ANNEXE DECHETS, codeCPV 00000000-1: no family until a code is entered', () => {
    const award = realAward('data.gouv.fr_pes', 704);
    expect([award.cpvCode, award.flags.filter((f) => f.code.startsWith('cpv'))]).toEqual([
      '',
      [{ code: 'cpv_unknown', value: '', published: '00000000-1' }],
    ]);
  });

  it('buyer_id_invalid: marches-publics.info[3283] Ville de Limonest keeps its published identifier', () => {
    // 21690116500015: Luhn over the 14 digits from the right 5+2+0+0+0+1+6+2+1+0+9+3+1+4 = 34, not a multiple of 10.
    const award = realAward('marches-publics.info', 3283);
    expect([award.buyer.siret, award.key, award.flags.map((f) => f.code)]).toEqual([
      '21690116500015',
      `21690116500015|${award.id}`,
      ['buyer_id_invalid'],
    ]);
  });

  it('id_missing: Croix[60] has an empty id; the key computed from its content is the same on every import', () => {
    // Its amendment (« Avenant 1 augmentant le montant maximum annuel initial de 3 000€ ») publishes 33,000 € for a
    // contract of 120,000 €: 66,000 < 120,000, flagged amendment_amount_low too.
    const first = keptFlags(croix[60]);
    const again = keptFlags(JSON.parse(JSON.stringify(croix[60])));
    expect([first.id.startsWith('SANS-ID-'), first.id.length, again.key === first.key, first.flags.map((f) => f.code)]).toEqual([
      true,
      24,
      true,
      ['id_missing', 'amendment_amount_low'],
    ]);
  });

  it('nature_missing: Croix[54] 2020qmezv0000000 publishes nature "", treated as a marché', () => {
    expect(keptFlags(croix[54])).toMatchObject({ nature: 'marche', flags: [{ code: 'nature_missing', value: 'marche' }] });
  });

  it('duration_missing: Croix[128] 2019h6vxx0000022 publishes dureeMois "0": 12 months shown, out of calendars and estimates', () => {
    const award = keptFlags(croix[128]);
    expect([award.durationMonths, award.flags.find((f) => f.code === 'duration_missing')]).toEqual([
      12,
      { code: 'duration_missing', value: 12, published: '0' },
    ]);
  });

  it('amount_missing: marches-publics.info[409] 2018EPICERIE100 (CH d’Auch) publishes montant 0', () => {
    expect(realAward('marches-publics.info', 409)).toMatchObject({ amountCents: null, flags: [{ code: 'amount_missing', value: null }] });
  });

  it('amount_sentinel: PES[87] 2018E030000, de-icing salt for 999,999,999 €', () => {
    expect(realAward('data.gouv.fr_pes', 87).flags).toEqual([{ code: 'amount_sentinel', value: 99_999_999_900, published: '999 999 999' }]);
  });

  // No real record of the stored data lacks its objet or has an unreadable amendment: the real
  // record AIFE[24] is edited here, and the edit is the only difference.
  it('objet_missing and amendment_ignored: AIFE[24] without objet, with an amendment of -5 €', () => {
    const raw = { ...(realRecords.get('data.gouv.fr_aife')?.[24] as object), objet: '', modifications: [{ montant: -5 }] };
    // AIFE[24] is also undated and has an invalid holder SIRET (see above).
    expect(keptFlags(raw).flags.map((f) => f.code)).toEqual(['objet_missing', 'amendment_ignored', 'holder_id_invalid', 'undated']);
  });
});
