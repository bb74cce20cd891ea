import { describe, expect, test } from 'vitest';
import type { RoleGrant } from '../api/types';
import { type NavLinkDefinition, resolveNavLinks } from './nav-links';

function buildGrant(overrides: Partial<RoleGrant> = {}): RoleGrant {
  return {
    role: 'member',
    territoryId: 'territory-alsace',
    territorySlug: 'alsace',
    territoryName: 'Alsace',
    organizationId: 'org-67',
    organizationName: 'Département du Bas-Rhin',
    ...overrides,
  };
}

const LINKS: NavLinkDefinition[] = [
  { section: 'Mutualisation', label: 'Groupements', path: (slug) => `/t/${slug}/groupements`, roles: ['facilitator', 'member'] },
  { section: 'Territoire', label: 'Vue du territoire', path: (slug) => `/t/${slug}`, roles: ['facilitator', 'member'] },
  {
    section: 'Besoins',
    label: ({ organization }) => (organization?.isOnly ? 'Mes besoins' : `Besoins · ${organization?.name}`),
    path: (_slug, { organization }) => `/o/${organization?.id}`,
    roles: ['member'],
    perOrganization: true,
  },
  { section: 'Besoins', label: 'Imports', path: (slug) => `/t/${slug}/imports`, roles: ['facilitator'] },
];

describe('resolveNavLinks', () => {
  test('keeps the links the role may use, in section order, and drops empty sections', () => {
    const groups = resolveNavLinks({ links: LINKS, roles: [buildGrant()], territorySlug: 'alsace' });
    expect(groups).toEqual([
      { section: 'Territoire', links: [{ section: 'Territoire', label: 'Vue du territoire', to: '/t/alsace', icon: undefined }] },
      { section: 'Besoins', links: [{ section: 'Besoins', label: 'Mes besoins', to: '/o/org-67', icon: undefined }] },
      {
        section: 'Mutualisation',
        links: [{ section: 'Mutualisation', label: 'Groupements', to: '/t/alsace/groupements', icon: undefined }],
      },
    ]);
  });

  test('repeats a per-organization link for a buyer of two organizations, named after each', () => {
    const roles = [buildGrant(), buildGrant({ organizationId: 'ems', organizationName: 'Eurométropole' })];
    const besoins = resolveNavLinks({ links: LINKS, roles, territorySlug: 'alsace' }).find((group) => group.section === 'Besoins');
    expect(besoins?.links.map((link) => [link.label, link.to])).toEqual([
      ['Besoins · Département du Bas-Rhin', '/o/org-67'],
      ['Besoins · Eurométropole', '/o/ems'],
    ]);
  });

  test('ignores the grants held on another territory', () => {
    const roles = [buildGrant({ role: 'facilitator', territorySlug: 'charente', organizationId: null })];
    expect(resolveNavLinks({ links: LINKS, roles, territorySlug: 'alsace' })).toEqual([]);
  });
});
