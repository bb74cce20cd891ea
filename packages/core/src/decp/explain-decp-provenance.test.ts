import { describe, expect, it } from 'vitest';
import { buildRawDecpRecord } from './build-raw-decp-record';
import { type DecpExplainedValues, decpProvenanceAfterEdit, explainDecpProvenance, withoutDecpAmounts } from './explain-decp-provenance';
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

  it('drops the estimated start once the member gives the start or the notification date', () => {
    expect(estimated).toHaveLength(1);
    expect(after({}, estimated)).toEqual(estimated);
    expect(after({ notificationDate: '2019-01-15' }, estimated)).toEqual([]);
    expect(after({ startDate: '2019-01-15' }, estimated)).toEqual([]);
    expect(after({ durationMonths: 12, amountCents: 1 }, estimated)).toEqual(estimated);
  });
});
