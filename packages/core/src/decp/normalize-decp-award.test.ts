import { describe, expect, it } from 'vitest';
import { buildRawDecpRecord } from './build-raw-decp-record';
import { normalizeDecpAward } from './normalize-decp-award';

function award(overrides: Record<string, unknown> = {}) {
  const result = normalizeDecpAward(buildRawDecpRecord(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.rejections));
  return result.award;
}

describe('normalizeDecpAward', () => {
  it('normalises a real PES record: time-zone date, check digit, end date from the duration', () => {
    expect(award()).toMatchObject({
      key: '13001898900017|2019I1703000',
      format: '2019',
      buyer: { siret: '13001898900017', name: 'INOVALYS' },
      holders: [{ idType: 'SIRET', siret: '85480074501125', name: 'AXIMA CONCEPT' }],
      cpvCode: '50700000',
      nature: 'marche',
      notificationDate: '2018-12-17',
      startDate: '2018-12-17',
      startDateSource: 'notification',
      endDate: '2022-02-17',
      durationMonths: 38,
      initialDurationMonths: 38,
      amountCents: 15_390_000,
      initialAmountCents: 15_390_000,
      amendments: [],
      brokenObjet: null,
      objetRepairs: [],
      holderRepairs: [],
    });
  });

  it.each([
    [{ nature: 'Accord-cadre' }, 'accord_cadre'],
    [{ nature: 'Marché subséquent' }, 'marche'],
    [{ nature: 'Marché', techniques: { technique: ['Concours', 'Accord-cadre'] } }, 'accord_cadre'],
    [{ nature: 'Marché', techniques: { technique: 'Sans objet' } }, 'marche'],
  ])('reads the nature %j as %s', (overrides, nature) => {
    expect(award(overrides).nature).toBe(nature);
  });

  it.each([
    ['9132100', '09132100'],
    ['90620000-1', '90620000'],
    [' 30192000 ', '30192000'],
  ])('tolerates the CPV code %s (lost leading zero, placeholder check digit, spaces) as %s', (raw, code) => {
    expect(award({ codeCPV: raw }).cpvCode).toBe(code);
  });

  it.each([
    [{ montant: 0 }, null],
    [{ montant: undefined }, null],
    [{ montant: '1200,5' }, 120_050],
    [{ montant: 26130.4 }, 2_613_040],
  ])('keeps a contract whose amount is %j with amountCents %s', (overrides, cents) => {
    expect(award(overrides).amountCents).toBe(cents);
  });

  it('restores the accents of an objet the vocabulary spells, keeping the objet as published beside it', () => {
    const result = award({ objet: 'Prestations de s\uFFFDcurit\uFFFD pour la biodiversit\uFFFD 2019' });
    // « sécurité » is a CPV word; « biodiversité » is in no CPV label, place name or objet word: left as published.
    expect([result.objet, result.brokenObjet]).toEqual([
      'Prestations de sécurité pour la biodiversit\uFFFD 2019',
      'Prestations de s\uFFFDcurit\uFFFD pour la biodiversit\uFFFD 2019',
    ]);
    expect(result.objetRepairs.map((r) => r.repaired)).toEqual(['sécurité']);
    expect([award({}).brokenObjet, award({}).objetRepairs]).toEqual([null, []]);
  });

  it('keeps a non-SIRET holder without a SIRET and reads 2024 wrapped holders', () => {
    const holders = award({ titulaires: [{ titulaire: { typeIdentifiant: 'TVA', id: 'BE0123456789' } }] }).holders;
    expect(holders).toEqual([{ idType: 'TVA', id: 'BE0123456789', siret: null, name: null }]);
  });

  it('reads a record shaped by the XML reader (texts, single child instead of a list)', () => {
    const xmlShaped = buildRawDecpRecord({
      dureeMois: '12',
      montant: '80000',
      titulaires: { titulaire: { typeIdentifiant: 'SIRET', id: '85480074501125' } },
    });
    const result = normalizeDecpAward(xmlShaped);
    expect(result.ok && [result.award.durationMonths, result.award.amountCents, result.award.holders.length]).toEqual([12, 8_000_000, 1]);
  });

  it.each([
    [{ codeCPV: '12345678', objet: 'Le marche du siecle' }, 'test', '*'],
    [{ acheteur: { id: '13001898900017', nom: 'Essentiel' } }, 'test', '*'],
    [{ objet: 'Le march\uFFFD du si\uFFFDcle' }, 'test', '*'],
    [{ objet: 'TEST PES' }, 'test', '*'],
    [{ _type: 'Contrat de concession' }, 'concession', '_type'],
    [{ autoriteConcedante: { id: '21670482500019', nom: 'Ville' } }, 'concession', '_type'],
    [{ concessionnaires: [{ id: '38834305000028' }] }, 'concession', '_type'],
    [{ acheteur: { nom: 'Sans identifiant' } }, 'no_buyer', 'acheteur.id'],
  ])('refuses %j, not a public contract of a buyer (%s), naming the field %s', (overrides, kind, field) => {
    const result = normalizeDecpAward(buildRawDecpRecord(overrides));
    expect(result.ok ? null : [result.kind, result.rejections.map((r) => r.field)]).toEqual([kind, [field]]);
  });

  it('keeps a public contract whose concession fields are written empty, as the national consolidation writes them', () => {
    const result = normalizeDecpAward(buildRawDecpRecord({ autoriteConcedante: { id: '', nom: null }, concessionnaires: [] }));
    expect(result.ok).toBe(true);
  });

  it.each([
    // The template's id 2019I1703000 gives the year 2019 of an undated record.
    [{ acheteur: { id: '13001898900018', nom: 'X' } }, 'buyer_id_invalid', { siret: '13001898900018' }],
    [{ titulaires: [{ typeIdentifiant: 'SIRET', id: '3883430500028' }] }, 'holder_id_invalid', { holderSiret: null }],
    // CPV 2003 74200000 (architecture, engineering) → CPV 2008 71000000 by the SIMAP table.
    [{ codeCPV: '74200000' }, 'cpv_2003', { cpvCode: '71000000' }],
    [{ codeCPV: '0' }, 'cpv_unknown', { cpvCode: '' }],
    [{ dateNotification: undefined }, 'undated', { startDate: '2019-01-01' }],
    [{ dateNotification: '2018-02-30' }, 'undated', { startDate: '2019-01-01' }],
    [{ dureeMois: 0 }, 'duration_missing', { durationMonths: 12 }],
    [{ dureeMois: 3284900.5 }, 'duration_missing', { durationMonths: 12 }],
    [{ objet: '  ' }, 'objet_missing', { objet: 'Objet non publié' }],
    [{ nature: undefined }, 'nature_missing', { nature: 'marche' }],
    [{ montant: 0 }, 'amount_missing', { amountCents: null }],
  ])('keeps %j with the flag %s', (overrides, code, values) => {
    const kept = award(overrides);
    expect(kept.flags.map((f) => f.code)).toEqual([code]);
    expect({ ...kept, siret: kept.buyer.siret, holderSiret: kept.holders[0]?.siret ?? null }).toMatchObject(values);
  });

  it('reads a buyer and a place published under flattened keys (« acheteur.id »), as the national consolidation reads them', () => {
    // The consolidation's tests/data/decp_test_2019.json publishes its first record's buyer as "acheteur.id":
    // "21500222100012" (pandas' json_normalize writes nested fields so, and reads both into one column).
    const kept = award({
      acheteur: undefined,
      'acheteur.id': '21500222100012',
      'acheteur.nom': 'Commune de Saint-Lô',
      lieuExecution: undefined,
      'lieuExecution.code': '50340',
      'lieuExecution.typeCode': 'Code postal',
    });
    expect([kept.buyer, kept.executionPlace]).toEqual([
      { siret: '21500222100012', name: 'Commune de Saint-Lô' },
      award({ lieuExecution: { code: '50340', typeCode: 'Code postal' } }).executionPlace,
    ]);
    expect(kept.executionPlace).not.toBeNull();
    // A nested object wins over flattened keys beside it.
    expect(award({ 'acheteur.id': '21500222100012' }).buyer.siret).toBe(award({}).buyer.siret);
  });

  it('does not take a real objet mentioning tests for a test record', () => {
    expect(award({ objet: 'Tests de laboratoire pour la surveillance des eaux de baignade' }).objet).toMatch(/^Tests/);
  });

  it('flags every problem of a record at once', () => {
    expect(award({ codeCPV: '74200000', dateNotification: undefined }).flags.map((f) => f.code)).toEqual(['cpv_2003', 'undated']);
  });
});

/** A holder other than the template's AXIMA CONCEPT (a real SIRET of the e-marchespublics file). */
const SUDERIANE = { typeIdentifiant: 'SIRET', id: '53474829800039', denominationSociale: 'SUDERIANE' };

/**
 * The template is notified 2018-12-17 for 38 months and 153,900 € (end 2018-12-17 + 38 months =
 * 2022-02-17). End dates keep the importer's convention: start + months, the day clamped to the
 * month's end (`addMonths`), no day subtracted.
 */
describe('normalizeDecpAward with amendments (modifications)', () => {
  it('applies a 2019 amendment: new duration, amount and holders, initial values kept', () => {
    // 2018-12-17 + 50 months = 2023-02-17 (2018-12 + 50 = 2023-02); 160,000.50 € = 16,000,050 cents.
    const amended = award({
      modifications: [
        {
          objetModification: 'Avenant n° 1 : prolongation et changement de titulaire',
          dureeMois: 50,
          montant: 160000.5,
          datePublicationDonneesModification: '2019-06-01',
          titulaires: [SUDERIANE],
        },
      ],
    });
    expect(amended).toMatchObject({
      durationMonths: 50,
      initialDurationMonths: 38,
      endDate: '2023-02-17',
      amountCents: 16_000_050,
      initialAmountCents: 15_390_000,
      holders: [{ idType: 'SIRET', siret: '53474829800039', name: 'SUDERIANE' }],
    });
    expect(amended.amendments).toEqual([
      expect.objectContaining({ index: 0, id: null, date: '2019-06-01', dateField: 'datePublicationDonneesModification' }),
    ]);
  });

  it('takes each value from the latest amendment that states it, by date and not by position', () => {
    // Array order: [12 Sep: 60 months], [1 Mar: 48 months + 200,000 €], [1 Jun: 210,000 €].
    // By date: Mar (48, 200k) → Jun (210k) → Sep (60). Duration 60: 2018-12-17 + 60 = 2023-12-17.
    const amended = award({
      modifications: [
        { dureeMois: 60, datePublicationDonneesModification: '2019-09-12' },
        { dureeMois: 48, montant: 200000, datePublicationDonneesModification: '2019-03-01' },
        { montant: 210000, datePublicationDonneesModification: '2019-06-01' },
      ],
    });
    expect([amended.durationMonths, amended.endDate, amended.amountCents]).toEqual([60, '2023-12-17', 21_000_000]);
    expect(amended.amendments.map((a) => a.index)).toEqual([1, 2, 0]);
  });

  it('orders amendments of the same date by their position', () => {
    const amended = award({
      modifications: [
        { montant: 1000, dateNotificationModification: '2019-05-02' },
        { montant: 2000, dateNotificationModification: '2019-05-02' },
      ],
    });
    expect(amended.amountCents).toBe(200_000);
  });

  it('dates all amendments by the kind they all have, never a notification against a publication', () => {
    // A: notified 15 Feb, published 4 Mar (40 months); B: published 1 Mar only (44 months).
    // Publication is the only kind both have: A (4 Mar) is the latest → 40 months. Comparing A's
    // notification (15 Feb) with B's publication (1 Mar) would wrongly pick B.
    const amended = award({
      modifications: [
        { dureeMois: 40, dateNotificationModification: '2019-02-15+01:00', datePublicationDonneesModification: '2019-03-04+01:00' },
        { dureeMois: 44, datePublicationDonneesModification: '2019-03-01' },
      ],
    });
    expect([amended.durationMonths, amended.amendments.map((a) => a.dateField)]).toEqual([
      40,
      ['datePublicationDonneesModification', 'datePublicationDonneesModification'],
    ]);
  });

  it('reads 2024 wrapped amendments and orders same-day ones by their id', () => {
    // Both notified 2020-01-10; id 2 (36 months) follows id 1 (24 months) whatever the array order.
    // 2018-12-17 + 36 months = 2021-12-17.
    const amended = award({
      modifications: [
        {
          modification: {
            id: 2,
            dureeMois: 36,
            dateNotificationModification: '2020-01-10',
            datePublicationDonneesModification: '2020-01-12',
          },
        },
        {
          modification: {
            id: 1,
            dureeMois: 24,
            montant: 99000,
            dateNotificationModification: '2020-01-10',
            datePublicationDonneesModification: '2020-01-11',
          },
        },
      ],
    });
    expect([amended.durationMonths, amended.endDate, amended.amountCents]).toEqual([36, '2021-12-17', 9_900_000]);
    expect(amended.amendments.map((a) => a.id)).toEqual(['1', '2']);
  });

  it('reads amendments shaped by the XML reader (texts, single child instead of a list)', () => {
    const amended = award({
      modifications: {
        modification: {
          dureeMois: '50',
          montant: '160000,50',
          titulaires: { titulaire: SUDERIANE },
          dateNotificationModification: '2019-05-02',
        },
      },
    });
    expect([amended.durationMonths, amended.amountCents, amended.holders.map((h) => h.siret)]).toEqual([
      50,
      16_000_050,
      ['53474829800039'],
    ]);
  });

  it('keeps the amount when an amendment states a zero montant (the placeholder of « no amount »)', () => {
    const amended = award({ modifications: [{ montant: 0, titulaires: [SUDERIANE], dateNotificationModification: '2019-02-05' }] });
    expect([amended.amountCents, amended.holders[0]?.siret]).toEqual([15_390_000, '53474829800039']);
  });

  it('ignores amendments that change none of duration, amount and holders', () => {
    const amended = award({
      modifications: [{ objetModification: 'Mise à jour du BPU', dateNotificationModification: '2019-02-04' }, {}, ''],
    });
    expect([amended.durationMonths, amended.amountCents, amended.amendments]).toEqual([38, 15_390_000, []]);
  });

  it.each([
    [[{ dureeMois: 'douze' }], 'modifications.0.dureeMois', /« douze » non numérique/],
    [[{ dureeMois: -3 }], 'modifications.0.dureeMois', /non positive/],
    [[{ dureeMois: 0 }], 'modifications.0.dureeMois', /non positive/],
    [[{ montant: 100_000 }, { montant: -5 }], 'modifications.1.montant', /négatif/],
    [[{ montant: 'N/A' }], 'modifications.0.montant', /non numérique/],
    [[{ montant: 1e12 }], 'modifications.0.montant', /100 milliards/],
    [[{ montant: 100_000, dateNotificationModification: '2019-02-30' }], 'modifications.0.dateNotificationModification', /date invalide/],
    [['avenant'], 'modifications.0', /un objet est attendu/],
    [[{ modification: { id: 1, dureeMois: {} } }], 'modifications.0.dureeMois', /non numérique/],
  ])('ignores the bad amendment value %j, flagged naming the field %s', (modifications, field, reason) => {
    const flags = award({ modifications }).flags;
    expect(flags).toEqual([{ code: 'amendment_ignored', value: null, issues: [{ field, reason: expect.stringMatching(reason) }] }]);
  });

  it('flags amendments that bring the amount below half the published one, not at half nor above', () => {
    // The template publishes 153,900 €: half is 76,950 €.
    const low = (...amounts: number[]) =>
      award({ modifications: amounts.map((montant, i) => ({ montant, dateNotificationModification: `2019-0${i + 2}-01` })) }).flags;
    expect(low(76_950)).toEqual([]);
    expect(low(200_000, 76_950)).toEqual([]);
    expect(low(76_949.99)).toEqual([
      { code: 'amendment_amount_low', value: 7_694_999, initialCents: 15_390_000, amendmentCents: [7_694_999] },
    ]);
    // Two small amendments (increments, perhaps): the latest gives the stored amount, both are listed.
    expect(low(2_615.76, 3_672.5)).toEqual([
      { code: 'amendment_amount_low', value: 367_250, initialCents: 15_390_000, amendmentCents: [261_576, 367_250] },
    ]);
  });

  it('keeps an amendment’s new holder with an invalid SIRET as an unknown firm instead of refusing the contract', () => {
    // 868768687576575 has 15 digits: not a SIRET. The amendment still changes the holder list, to one unknown firm.
    const result = normalizeDecpAward(
      buildRawDecpRecord({
        modifications: [{ titulaires: [{ typeIdentifiant: 'SIRET', id: '868768687576575', denominationSociale: 'X' }] }],
      }),
    );
    expect(result.ok && result.award.holders).toEqual([{ idType: 'SIRET', id: '868768687576575', siret: null, name: 'X' }]);
  });
});

describe('normalizeDecpAward on records without a notification date', () => {
  it('dates the contract by the publication of its data, flagged as an estimate', () => {
    // 2019-02-27 + 38 months = 2022-04-27.
    const undated = award({ dateNotification: undefined, datePublicationDonnees: '2019-02-27' });
    expect(undated).toMatchObject({
      notificationDate: null,
      startDate: '2019-02-27',
      startDateSource: 'publication',
      endDate: '2022-04-27',
    });
  });

  it.each([
    // Unreadable publication date, no notification: undated, year 2019 from the id 2019I1703000.
    [{ dateNotification: undefined, datePublicationDonnees: 'bientôt' }, 'undated', '2019-01-01'],
    // Unreadable notification date: the publication date still gives an estimated start.
    [{ dateNotification: '2018-02-30', datePublicationDonnees: '2019-02-27' }, 'publication', '2019-02-27'],
    [{ dateNotification: '', datePublicationDonnees: undefined }, 'undated', '2019-01-01'],
  ])('dates %j from the %s: start %s', (overrides, source, startDate) => {
    expect(award(overrides)).toMatchObject({ startDateSource: source, startDate, notificationDate: null });
  });

  it('reads the year of an undated record from its objet when the identifier gives none', () => {
    const undated = award({ id: 'MAPA-17', dateNotification: undefined, objet: 'Charcuterie 2018-2' });
    expect(undated.flags).toEqual([{ code: 'undated', value: '2018-01-01', year: 2018, yearSource: 'objet', publishedDate: null }]);
  });

  it('stands an undated record of unknown year on 1900-01-01, which no calendar uses', () => {
    expect(award({ id: 'MAPA-17', dateNotification: undefined, objet: 'Sel' }).flags).toEqual([
      { code: 'undated', value: '1900-01-01', year: null, yearSource: null, publishedDate: null },
    ]);
  });
});
