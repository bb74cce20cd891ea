import { describe, expect, it } from 'vitest';
import { searchCommunes } from '../geo/search-communes';
import { getNafLabel, isNafCode, searchNaf } from './naf';

describe('NAF rév. 2', () => {
  it('knows the sub-class of polish makers (20.41Z) and finds it by label words', () => {
    expect(isNafCode('20.41Z')).toBe(true);
    expect(getNafLabel('20.41Z')).toMatch(/savons|détergents/i);
    expect(searchNaf('detergents').map((n) => n.code)).toContain('20.41Z');
  });
  it('refuses codes outside the nomenclature', () => {
    expect(isNafCode('99.99Z')).toBe(false);
  });
});

describe('searchCommunes', () => {
  it('finds Angoulême by an accent-free name, exact name first', () => {
    expect(searchCommunes('angouleme')[0]).toEqual({ code: '16015', name: 'Angoulême', departementCode: '16' });
  });
  it('finds communes by INSEE code prefix, the exact code first', () => {
    expect(searchCommunes('67482')[0]?.name).toBe('Strasbourg');
    expect(searchCommunes('674').every((c) => c.code.startsWith('674'))).toBe(true);
  });
});
