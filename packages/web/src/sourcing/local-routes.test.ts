import { describe, expect, test } from 'vitest';
import { localPaths, matchLocalRoute } from './local-routes';

const partsOf = (path: string) => path.split('/').filter(Boolean).map(decodeURIComponent);

describe('matchLocalRoute', () => {
  test.each([
    ['/territoires/charente/entreprises', { name: 'firms', slug: 'charente' }],
    ['/territoires/charente/carte', { name: 'map', slug: 'charente' }],
    ['/territoires/charente/recettes', { name: 'recipes', slug: 'charente' }],
    ['/territoires/charente/recettes/x', null],
    ['/territoires/charente/previsions', { name: 'forecast', slug: 'charente' }],
    ['/public/charente/previsions', { name: 'public-forecast', slug: 'charente' }],
    ['/territoires/charente/opportunites/x/sourcing', { name: 'sourcing', slug: 'charente', id: 'x' }],
    ['/territoires/charente', null],
    ['/public/charente', null],
  ])('reads %s', (path, route) => {
    expect(matchLocalRoute(partsOf(path))).toEqual(route);
  });

  test('reads back the lot designer path of an opportunity id with reserved characters', () => {
    const id = 'famille:fam-hand-sanitizer@16';
    expect(matchLocalRoute(partsOf(localPaths.lots('charente', id)))).toEqual({ name: 'lots', slug: 'charente', id });
  });
});
