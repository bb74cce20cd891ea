import { describe, expect, it } from 'vitest';
import { withFrenchSpacing } from './french-spacing';

describe('withFrenchSpacing', () => {
  it('binds guillemets and the signs that follow a space to their words', () => {
    expect(withFrenchSpacing('SIRET « 42142947900018 » invalide : gardé ; vraiment ?')).toBe(
      'SIRET «\u00a042142947900018\u00a0» invalide\u00a0: gardé\u202f; vraiment\u202f?',
    );
  });

  it('keeps a number whole with its unit: groups of digits and « € », « % »', () => {
    expect(withFrenchSpacing('marchés de 40 000 € HT ; 25 000 € avant 2020, 1 234 567,89 € soit 12 %')).toBe(
      'marchés de 40\u202f000\u00a0€ HT\u202f; 25\u202f000\u00a0€ avant 2020, 1\u202f234\u202f567,89\u00a0€ soit 12\u00a0%',
    );
    // Two numbers side by side stay apart unless the second has exactly three digits.
    expect(withFrenchSpacing('lots 12 1234')).toBe('lots 12 1234');
  });

  it('leaves a text without them alone', () => {
    expect(withFrenchSpacing('Commune de Tremblay-en-France (93073)')).toBe('Commune de Tremblay-en-France (93073)');
  });
});
