import { describe, expect, it } from 'vitest';
import { resolveCommune } from './resolve-commune';

const codeOf = (raw: string, preferredDepartementCodes?: string[]) => {
  const resolution = resolveCommune(raw, preferredDepartementCodes ? { preferredDepartementCodes } : {});
  return resolution.ok ? resolution.commune.code : resolution.reason;
};

describe('resolveCommune', () => {
  it.each([
    ['67482', '67482'],
    ['Strasbourg', '67482'],
    ['STRASBOURG', '67482'],
    ['angouleme', '16015'],
    ['Saint-Louis (68)', '68297'],
    ['St-Louis 68', '68297'],
    ['saint louis (971)', '97126'],
  ])('reads « %s » as the commune %s', (raw, code) => {
    expect(codeOf(raw)).toBe(code);
  });

  it('resolves a name shared across France to the only commune of it in the territory’s départements', () => {
    // Saint-Louis exists in Moselle (57618), Haut-Rhin (68297), Guadeloupe (97126) and La Réunion (97414).
    expect(codeOf('Saint-Louis', ['67', '68'])).toBe('68297');
  });

  it('names every candidate of an ambiguous name and how to choose', () => {
    expect(codeOf('Saint-Louis')).toBe(
      '« Saint-Louis » désigne plusieurs communes : Saint-Louis (57, code 57618), Saint-Louis (68, code 68297), ' +
        'Saint-Louis (971, code 97126), Saint-Louis (974, code 97414) ; indiquez le code INSEE, ou le département entre ' +
        'parenthèses, ex. « Saint-Louis (57) ».',
    );
  });

  it('suggests close names for an unknown one and says a 5-digit number that is no INSEE code may be a postal code', () => {
    expect(codeOf('Strasbourg Cedex')).toBe('Commune inconnue « Strasbourg Cedex »');
    expect(codeOf('Mulhous')).toBe('Commune inconnue « Mulhous » ; vouliez-vous dire Mulhouse (68, code 68224) ?');
    expect(codeOf('67000')).toBe(
      'Aucune commune n’a le code INSEE 67000 (un code postal ? Indiquez le code INSEE ou le nom de la commune).',
    );
    expect(codeOf('Saint-Louis (22)')).toContain(
      'Aucune commune « Saint-Louis » dans le département 22 ; il y en a ailleurs : Saint-Louis (57, code 57618)',
    );
  });
});
