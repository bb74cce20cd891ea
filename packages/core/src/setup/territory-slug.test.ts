import { describe, expect, it } from 'vitest';
import { checkTerritorySlug, slugFromName } from './territory-slug';

describe('territory slugs', () => {
  it.each([
    ['Pays Basque – Adour', 'pays-basque-adour'],
    ['Alsace', 'alsace'],
    ['  Côte-d’Or (21) ', 'cote-d-or-21'],
  ])('proposes %s → %s', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it.each([
    ['pays-basque', true],
    ['Alsace', true],
    ['a', false],
    ['pays--basque', false],
    ['-alsace', false],
    ['côte', false],
  ])('checks « %s »: %s', (raw, ok) => {
    expect(checkTerritorySlug(raw).ok).toBe(ok);
  });
});
