import { describe, expect, it } from 'vitest';
import { withFrenchSpacing } from './french-spacing';

describe('withFrenchSpacing', () => {
  it('binds guillemets and the signs that follow a space to their words', () => {
    expect(withFrenchSpacing('SIRET « 42142947900018 » invalide : gardé ; vraiment ?')).toBe(
      'SIRET «\u00a042142947900018\u00a0» invalide\u00a0: gardé\u202f; vraiment\u202f?',
    );
  });

  it('leaves a text without them alone', () => {
    expect(withFrenchSpacing('Commune de Tremblay-en-France (93073)')).toBe('Commune de Tremblay-en-France (93073)');
  });
});
