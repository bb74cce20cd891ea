import { describe, expect, test } from 'vitest';
import { matchRoute, paths } from './routes';

describe('matchRoute', () => {
  test.each([
    ['/', { name: 'home' }],
    ['/connexion', { name: 'login' }],
    ['/territoires/alsace', { name: 'territory', slug: 'alsace' }],
    ['/territoires/alsace?onglet=familles', { name: 'territory', slug: 'alsace' }],
    ['/organisations/org-67/besoins', { name: 'needs', organizationId: 'org-67' }],
    ['/organisations/org-67', { name: 'not-found' }],
    ['/besoins', { name: 'not-found' }],
    ['/observatoire', { name: 'observatory', departement: null }],
    ['/observatoire/2A', { name: 'observatory', departement: '2A' }],
  ])('reads %s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  test('reads back the paths it builds, ids with reserved characters included', () => {
    expect(matchRoute(paths.needs('a/b c'))).toEqual({ name: 'needs', organizationId: 'a/b c' });
    expect(matchRoute(paths.territory('charente'))).toEqual({ name: 'territory', slug: 'charente' });
  });
});
