import { describe, expect, it } from 'vitest';
import { departementOfPostalCode, locateExecutionPlace } from './locate-execution-place';
import { addMonths, parseDecpDate } from './parse-decp-date';

describe('locateExecutionPlace', () => {
  it.each([
    ['59130', 'Code postal', 'Lambersart', { inseeCode: '59328', departementCode: '59', regionCode: '32' }],
    ['31700', 'Code postal', 'Ville de Blagnac', { inseeCode: '31069', departementCode: '31', regionCode: '76' }],
    ['31700', 'CODE POSTAL', 'Hôtel de ville', { inseeCode: null, departementCode: '31', regionCode: '76' }],
    ['67482', 'Code commune', 'Strasbourg', { inseeCode: '67482', departementCode: '67', regionCode: '44' }],
    ['85', 'Code département', 'Vendée', { inseeCode: null, departementCode: '85', regionCode: '52' }],
    ['974', 'Code département', 'La Réunion', { inseeCode: null, departementCode: '974', regionCode: '04' }],
    ['INO', 'Code commune', 'Angers Le Mans Nantes Tours', { inseeCode: null, departementCode: null, regionCode: null }],
    ['FR', 'Code pays', 'France', { inseeCode: null, departementCode: null, regionCode: null }],
    ['52', 'Code région', 'Pays de la Loire', { inseeCode: null, departementCode: null, regionCode: null }],
  ])('resolves %s (%s, %s)', (code, typeCode, name, expected) => {
    expect(locateExecutionPlace(code, typeCode, name)).toEqual(expected);
  });

  it.each([
    ['20000', '2A'],
    ['20200', '2B'],
    ['97400', '974'],
    ['01000', '01'],
  ])('gives the département of postal code %s: %s', (postalCode, departement) => {
    expect(departementOfPostalCode(postalCode)).toBe(departement);
  });
});

describe('DECP dates', () => {
  it.each([
    ['2018-12-17', '2018-12-17'],
    ['2018-12-17+01:00', '2018-12-17'],
    ['2018-12-17-05:00', '2018-12-17'],
    ['2018-12-17T10:00:00Z', '2018-12-17'],
    ['17/12/2018', null],
    ['2018-13-01', null],
  ])('parses %s as %s', (text, date) => {
    expect(parseDecpDate(text)).toBe(date);
  });

  it('adds months, clamping to the last day of the month', () => {
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2018-12-17', 38)).toBe('2022-02-17');
  });
});
