import { expect, it } from 'vitest';
import { buildOrganization, buildTerritory, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('memberships repository', (t) => {
  it('adds an organization to territories once, however often it is added', async () => {
    const first = await t.repos.territories.insert(buildTerritory());
    const second = await t.repos.territories.insert(buildTerritory());
    const org = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(first.id, org.id);
    await t.repos.memberships.add(first.id, org.id);
    await t.repos.memberships.add(second.id, org.id);
    expect(await t.repos.memberships.listTerritoryIds(org.id)).toEqual([first.id, second.id].sort());
    expect(await t.repos.memberships.listOrganizationIds(first.id)).toEqual([org.id]);
    expect(await t.repos.memberships.isMember(first.id, org.id)).toBe(true);
  });

  it('removes a membership and reports whether there was one', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const org = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(territory.id, org.id);
    expect(await t.repos.memberships.remove(territory.id, org.id)).toBe(true);
    expect(await t.repos.memberships.remove(territory.id, org.id)).toBe(false);
    expect(await t.repos.memberships.isMember(territory.id, org.id)).toBe(false);
  });

  it('refuses a membership of an unknown organization', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const error = await domainErrorOf(() => t.repos.memberships.add(territory.id, crypto.randomUUID()));
    expect(error.code).toBe('validation_failed');
  });
});
