import { describe, expect, it } from 'vitest';
import { countFr, pluralFr } from './count-fr';

describe('countFr', () => {
  it.each([
    // French keeps the singular below 2 (0 and 1), the plural from 2 on.
    [0, 'offre', undefined, '0 offre'],
    [1, 'contrat', undefined, '1 contrat'],
    [3, 'contrat', undefined, '3 contrats'],
    [1, 'entrée différée', undefined, '1 entrée différée'],
    [2, 'entrée différée', undefined, '2 entrées différées'],
    [1, 'lot', undefined, '1 lot'],
    [12, 'lot recommandé', undefined, '12 lots recommandés'],
    [2, 'entreprise locale éligible', undefined, '2 entreprises locales éligibles'],
    [1.5, 'jour', undefined, '1,5 jour'],
    // 12 500 with a narrow no-break space between the thousands.
    [12500, 'besoin', undefined, '12\u202f500 besoins'],
    [2, 'date d’entrée différée', 'dates d’entrée différée', '2 dates d’entrée différée'],
  ])('%s × %s → %s', (count, one, many, expected) => {
    expect(countFr(count, one, many)).toBe(expected);
  });
});

describe('pluralFr', () => {
  it.each([
    ['marché relais proposé', 'marchés relais proposés'],
    ['membre local', 'membres locaux'],
    ['bureau', 'bureaux'],
    ['prix', 'prix'],
    ['procédure évitée', 'procédures évitées'],
  ])('%s → %s', (one, many) => {
    expect(pluralFr(one)).toBe(many);
  });
});
