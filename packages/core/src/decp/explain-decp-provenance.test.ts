import { describe, expect, it } from 'vitest';
import { buildRawDecpRecord } from './build-raw-decp-record';
import {
  type DecpExplainedValues,
  decpProvenanceAfterEdit,
  describeDecpTextRepairs,
  explainDecpProvenance,
  withoutDecpAmounts,
} from './explain-decp-provenance';
import { normalizeDecpAward } from './normalize-decp-award';

function explain(overrides: Record<string, unknown>): string[] {
  const result = normalizeDecpAward(buildRawDecpRecord(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.rejections));
  return explainDecpProvenance(result.award);
}

/** The template record amended on 2019-06-01: duration, amount and holder (see the second test). */
const AMENDED = {
  modifications: [
    {
      dureeMois: 50,
      montant: 160000.5,
      datePublicationDonneesModification: '2019-06-01',
      titulaires: [{ typeIdentifiant: 'SIRET', id: '53474829800039', denominationSociale: 'SUDERIANE' }],
    },
  ],
};

describe('explainDecpProvenance', () => {
  it('says nothing of a record taken as first published', () => {
    expect(explain({})).toEqual([]);
  });

  it('names the amendment behind each changed value and the end the buyer would have expected', () => {
    // Template: notified 2018-12-17, 38 months (end 2022-02-17), 153,900 €, AXIMA CONCEPT.
    // Amended on 2019-06-01 to 50 months (end 2018-12-17 + 50 months = 2023-02-17), 160,000.50 €, SUDERIANE.
    const lines = explain(AMENDED);
    expect(lines).toEqual([
      'Durée portée de 38 à 50 mois par la modification du 1er juin 2019 (modifications[0]) : fin au 17 février 2023 au lieu du 17 février 2022.',
      'Montant HT porté de 153 900,00 € à 160 000,50 € par la modification du 1er juin 2019 (modifications[0]).',
      'Titulaire selon la modification du 1er juin 2019 (modifications[0]) : SUDERIANE.',
    ]);
  });

  it('names a 2024 amendment by its number and skips values it restates unchanged', () => {
    const lines = explain({
      modifications: [{ modification: { id: 3, dureeMois: 38, montant: 170000, dateNotificationModification: '2020-01-10' } }],
    });
    expect(lines).toEqual([
      'Montant HT porté de 153 900,00 € à 170 000,00 € par la modification n° 3 du 10 janvier 2020 (modifications[0]).',
    ]);
  });

  it('flags a start date estimated from the publication of the data', () => {
    expect(explain({ dateNotification: undefined, datePublicationDonnees: '2019-02-27' })).toEqual([
      'Date de début estimée au 27 février 2019 : le marché ne publie pas de date de notification, c’est la date de publication de ses données (la notification la précède en principe de deux mois au plus).',
    ]);
  });

  it('leaves out only the line quoting amounts for a caller who may not see prices', () => {
    const lines = explain({
      modifications: [{ dureeMois: 50, montant: 160000.5, datePublicationDonneesModification: '2019-06-01' }],
    });
    // Two lines: the new duration, then the new amount (first test above); only the first stays.
    expect(lines).toHaveLength(2);
    expect(withoutDecpAmounts(lines)).toEqual([lines[0]]);
    expect(withoutDecpAmounts(lines).join(' ')).not.toContain('€');
  });
});

describe('explainDecpProvenance of an objet published with its accents lost', () => {
  const B = '\uFFFD';
  // AIFE record 268 of the dev split (2018Sop820P79z00), its objet cut: the numero read from the number after it,
  // « MAÎTRISE » and « MATIÈRE » from the vocabulary, the lone U+FFFD after « ASSISTANCE » left.
  const objet = `N${B}18M280AO - MISSION D'ASSISTANCE ${B} MA${B}TRISE D'OUVRAGE EN MATI${B}RE DE COMMUNICATION`;

  it('quotes the words restored and their sources, and says what stays as published', () => {
    const result = normalizeDecpAward(buildRawDecpRecord({ objet }));
    if (!result.ok) throw new Error(JSON.stringify(result.rejections));
    expect(result.award.objet).toBe(`N°18M280AO - MISSION D'ASSISTANCE ${B} MAÎTRISE D'OUVRAGE EN MATIÈRE DE COMMUNICATION`);
    expect(result.award.brokenObjet).toBe(objet);
    expect(explainDecpProvenance(result.award)).toEqual([
      `Objet publié avec des accents perdus (« ${B} ») : « N${B}18 » lu « N°18 », « MA${B}TRISE » lu « MAÎTRISE », ` +
        `« MATI${B}RE » lu « MATIÈRE », les mots d’après les libellés CPV et les noms de lieux officiels, « N° » et « à » ` +
        `d’après les nombres qui les entourent ; les autres « ${B} » restent tels que publiés.`,
    ]);
  });

  it('names the word after a lone U+FFFD as the reason to read « à » (AIFE record 532, 2018gwQIlu7dZM00)', () => {
    const result = normalizeDecpAward(buildRawDecpRecord({ objet: `Location, maintenance de fontaines ${B} eau sur r${B}seau` }));
    if (!result.ok) throw new Error('refused');
    expect(explainDecpProvenance(result.award)).toEqual([
      `Objet publié avec des accents perdus (« ${B} ») : « ${B} eau » lu « à eau », « r${B}seau » lu « réseau », les mots d’après ` +
        'les libellés CPV et les noms de lieux officiels, « à » d’après le mot qui le suit dans les libellés CPV.',
    ]);
  });

  it('counts the restored words beyond three, and says nothing when none could be', () => {
    const five = normalizeDecpAward(
      buildRawDecpRecord({ objet: `R${B}paration de v${B}hicules, lots 1 ${B} 3, mat${B}riel et ${B}quipements` }),
    );
    if (!five.ok) throw new Error('refused');
    expect(five.award.objet).toBe('Réparation de véhicules, lots 1 à 3, matériel et équipements');
    // Quoted in the order of the text: the first three, then « matériel » and « équipements » counted.
    expect(explainDecpProvenance(five.award)).toEqual([
      `Objet publié avec des accents perdus (« ${B} ») : « R${B}paration » lu « Réparation », « v${B}hicules » lu « véhicules », ` +
        `« 1 ${B} 3 » lu « 1 à 3 » et 2 autres, les mots d’après les libellés CPV et les noms de lieux officiels, « N° » et « à » ` +
        'd’après les nombres qui les entourent.',
    ]);
    const none = normalizeDecpAward(buildRawDecpRecord({ objet: `GIP LAB${B}O` }));
    if (!none.ok) throw new Error('refused');
    expect([none.award.objet, none.award.brokenObjet, explainDecpProvenance(none.award)]).toEqual([`GIP LAB${B}O`, null, []]);
  });
});

describe('explainDecpProvenance of a holder name published with its accents lost', () => {
  // AIFE record 68 of the dev split (20187wkPB4YLVJ00): holder 31124863700887 « GRAS SAVOYE Rh�ne Alpes Auvergne »;
  // « Rhône » is a place name (département, région).
  it('restores the name, and says so on a line the holder’s edit drops', () => {
    const result = normalizeDecpAward(
      buildRawDecpRecord({
        titulaires: [{ typeIdentifiant: 'SIRET', id: '31124863700887', denominationSociale: 'GRAS SAVOYE Rh\uFFFDne Alpes Auvergne' }],
      }),
    );
    if (!result.ok) throw new Error('refused');
    expect(result.award.holders[0]?.name).toBe('GRAS SAVOYE Rhône Alpes Auvergne');
    const lines = explainDecpProvenance(result.award);
    expect(lines).toEqual([
      'Titulaire publié avec des accents perdus (« \uFFFD ») : « Rh\uFFFDne » lu « Rhône », les mots d’après les libellés CPV et ' +
        'les noms de lieux officiels.',
    ]);
    const values: DecpExplainedValues = {
      startDate: result.award.startDate,
      notificationDate: result.award.notificationDate,
      durationMonths: result.award.durationMonths,
      amountCents: result.award.amountCents,
      holderSiret: '31124863700887',
      holderName: 'GRAS SAVOYE Rhône Alpes Auvergne',
      label: result.award.objet,
    };
    expect(decpProvenanceAfterEdit(lines, values, values)).toEqual(lines);
    expect(decpProvenanceAfterEdit(lines, values, { ...values, holderName: 'GRAS SAVOYE' })).toEqual([]);
  });
});

describe('decpProvenanceAfterEdit', () => {
  // The three amended values of the second test above (duration, amount, holder), and an undated record's estimated start.
  const amended = explain(AMENDED);
  const [durationLine, amountLine, holderLine] = amended;
  const estimated = explain({ dateNotification: undefined, datePublicationDonnees: '2019-02-27' });
  const stored: DecpExplainedValues = {
    startDate: '2018-12-17',
    notificationDate: '2018-12-17',
    durationMonths: 50,
    amountCents: 16_000_050,
    holderSiret: '53474829800039',
    holderName: 'SUDERIANE',
    label: 'Maintenance des installations de chauffage',
  };
  const after = (edit: Partial<DecpExplainedValues>, lines = amended) => decpProvenanceAfterEdit(lines, stored, { ...stored, ...edit });

  it('keeps every line when no value they speak of changed', () => {
    expect(amended).toHaveLength(3);
    expect(after({})).toEqual(amended);
  });

  it('drops only the lines made untrue by the edited value', () => {
    expect(after({ durationMonths: 48 })).toEqual([amountLine, holderLine]);
    expect(after({ amountCents: 15_000_000 })).toEqual([durationLine, holderLine]);
    expect(after({ amountCents: null })).toEqual([durationLine, holderLine]);
    expect(after({ holderName: 'AUTRE' })).toEqual([durationLine, amountLine]);
    expect(after({ holderSiret: null })).toEqual([durationLine, amountLine]);
    // The duration line states the end date, which follows the start date.
    expect(after({ startDate: '2019-01-01' })).toEqual([amountLine, holderLine]);
  });

  it('drops the restored accents of the objet once the member rewrites the label', () => {
    const result = normalizeDecpAward(buildRawDecpRecord({ objet: 'R\uFFFDparation de v\uFFFDhicules' }));
    if (!result.ok) throw new Error('refused');
    const lines = explainDecpProvenance(result.award);
    expect(lines).toHaveLength(1);
    expect(after({}, lines)).toEqual(lines);
    expect(after({ label: 'Réparation des véhicules légers' }, lines)).toEqual([]);
  });

  it('drops the estimated start once the member gives the start or the notification date', () => {
    expect(estimated).toHaveLength(1);
    expect(after({}, estimated)).toEqual(estimated);
    expect(after({ notificationDate: '2019-01-15' }, estimated)).toEqual([]);
    expect(after({ startDate: '2019-01-15' }, estimated)).toEqual([]);
    expect(after({ durationMonths: 12, amountCents: 1 }, estimated)).toEqual(estimated);
  });
});

describe('describeDecpTextRepairs', () => {
  it('counts the objets and holder names repaired in French, and says nothing of none', () => {
    expect(describeDecpTextRepairs({ objets: 2_333, holders: 98 })).toBe(
      'Accents perdus à la publication rétablis dans 2\u202f333 objets et 98 noms de titulaires (mots sûrs seulement ; chaque marché dit lesquels).',
    );
    expect(describeDecpTextRepairs({ objets: 0, holders: 1 })).toBe(
      'Accents perdus à la publication rétablis dans 1 nom de titulaire (mots sûrs seulement ; chaque marché dit lesquels).',
    );
    expect([describeDecpTextRepairs({ objets: 0, holders: 0 }), describeDecpTextRepairs(undefined)]).toEqual(['', '']);
  });
});
