import { describe, expect, it } from 'vitest';
import { buildRawDecpRecord } from './build-raw-decp-record';
import { normalizeDecpAward } from './normalize-decp-award';
import { decpContentSignature, isOtherDecpContract, withPublishedDecpId, withSharedDecpId } from './shared-decp-id';

type Published = [objet: string, euros: number | null, notified?: string];
const signature = (objet: string, euros: number | null, notified?: string) =>
  decpContentSignature({ objet, amountCents: euros === null ? null : Math.round(euros * 100), notificationDate: notified ?? null });
const other = (a: Published, b: Published) => isOtherDecpContract(signature(...a), signature(...b));

describe('isOtherDecpContract (records met under one key)', () => {
  it('tells the lots of one operation apart by their numbers, even at the same amount', () => {
    // e-marchespublics, buyer 21590220600014, id 2019000000001500 (records read by hand): lots 3 and 5.
    expect(
      other(
        ['Réhabilitation de l’école kleber (17 lots): Lot 3 : couverture', 117_932],
        ['Réhabilitation de l’école kleber (17 lots): Lot 5 : menuiseries extérieures', 117_932],
      ),
    ).toBe(true);
    // « LOT3 », « Lot n°3 » and « Lot 03 » are one lot: the objet and amount decide, as without numbers.
    expect(other(['LOT3 TRAVAUX DE VOIRIE', 1000], ['Lot n°03 travaux de voirie (republié)', 1000])).toBe(false);
    expect(other(['Lot 01 - repas', 1000], ['Lot 1 - repas en liaison froide', 2000])).toBe(true);
  });

  it('takes two objets and two amounts for two contracts (Croix, id 000000000000)', () => {
    expect(other(['Electricité-Chauffage ', 14_601], ['VRD Maçonnerie ', 35_410])).toBe(true);
  });

  it('takes two objets notified on two days for two contracts, even at the same amount (Croix, id 202008000000000S)', () => {
    // Commune of Croix, 2019–2021 file (read by hand): two accords-cadres of 1,200,000 € each, holders differing.
    const urbaine = 'PROGRAMMATION URBAINE - ACCORD CADRE RELATIF AUX MISSION D’ASSISTANCE A MAITRISE D’OUVRAGE (AMO)';
    const batiments = 'PROGRAMMATION BATIMENTS ET EQUIPEMENTS PUBLICS - ACCORD CADRE RELATIF AUX MISSION D’ASSISTANCE';
    expect(other([urbaine, 1_200_000, '2020-12-16'], [batiments, 1_200_000, '2020-12-15'])).toBe(true);
    // Notified the same day: one contract, its objet rewritten.
    expect(other([urbaine, 1_200_000, '2020-12-16'], [batiments, 1_200_000, '2020-12-16'])).toBe(false);
    // An absent date is a date of its own (no republication of this kind in the real records: none adds a date and rewrites the objet).
    expect(other([urbaine, 1_200_000], [batiments, 1_200_000, '2020-12-16'])).toBe(true);
    expect(other([urbaine, 1_200_000], [batiments, 1_200_000])).toBe(false);
    // The day counts whatever the gap: one day, a month, a year, ten years (days numbered 31 to a month, 372 to a year).
    for (const later of ['2020-12-17', '2021-01-16', '2021-12-16', '2030-12-16'])
      expect(other([urbaine, 1_200_000, '2020-12-16'], [batiments, 1_200_000, later])).toBe(true);
    // The same objet stays one contract whatever its date and amount (a corrected notification date).
    expect(other([urbaine, 1_200_000, '2020-12-16'], [urbaine, 1_300_000, '2020-12-15'])).toBe(false);
  });

  it('takes a rewritten objet at the same amount, or a new amount for the same objet, for a republication', () => {
    // marches-publics.info, buyer 24450046800040, id 2019M18428S00: one contract, objet rewritten, 327,030 € both times.
    // Both notified on 2019-01-08 (one published « 2019-01-08+01:00 », read as that day).
    expect(
      other(
        ['M18428S : LOT3 TRAVAUX D’AMELIORATION DE VOIRIE AUX ABORDS DU COLLEGE', 327_030, '2019-01-08'],
        ['Marché subséquent 18C0004-MS003 pour les travaux d’amélioration de voirie', 327_030, '2019-01-08'],
      ),
    ).toBe(false);
    // e-marchespublics, buyer 39159607900023, id 201907201832500: same objet, 20,000 € then 200,000 €.
    expect(other(['Mission de représentation en justice', 20_000], ['Mission de représentation en justice', 200_000])).toBe(false);
    // Accents lost at publication and punctuation do not make another objet.
    expect(other(['Réhabilitation de l’école', 1], ['R\uFFFDhabilitation de l ecole', 2])).toBe(false);
    expect(other(['Fournitures', null], ['Travaux', null])).toBe(false);
  });
});

describe('withSharedDecpId', () => {
  it('keys the other contract under the published id, « ~ » and 8 hex digits of its objet, flagged', () => {
    const first = normalizeDecpAward(buildRawDecpRecord({ id: '000000000000', objet: 'VRD Maçonnerie' }));
    if (!first.ok) throw new Error('not kept');
    const shared = withSharedDecpId(first.award);
    expect(shared.id).toMatch(/^000000000000~[0-9a-f]{8}$/);
    expect(shared.key).toBe(`${first.award.buyer.siret}|${shared.id}`);
    expect(shared.flags.at(-1)).toEqual({ code: 'id_shared', value: null, published: '000000000000' });
    // The same record gives the same id on every import; another objet another one.
    expect(withSharedDecpId(first.award).id).toBe(shared.id);
    expect(withSharedDecpId({ ...first.award, objet: 'Serrurerie' }).id).not.toBe(shared.id);
    // And back under the published identifier, as an earlier import stored it.
    expect(withPublishedDecpId(shared)).toEqual(first.award);
  });
});
