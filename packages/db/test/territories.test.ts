import { expect, it } from 'vitest';
import { buildOrganization, buildTerritory, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('territories repository', (t) => {
  it('round-trips a territory with its pooling scope', async () => {
    const input = buildTerritory({ poolingScope: { kind: 'distance', km: 42.5 }, isDemo: true });
    const stored = await t.repos.territories.insert(input);
    expect(stored).toEqual({ ...input, id: stored.id });
    expect(await t.repos.territories.getById(stored.id)).toEqual(stored);
    expect(await t.repos.territories.getBySlug(input.slug)).toEqual(stored);
  });

  it('rejects a duplicate slug as a conflict naming slug', async () => {
    const first = await t.repos.territories.insert(buildTerritory());
    const error = await domainErrorOf(() => t.repos.territories.insert(buildTerritory({ slug: first.slug })));
    expect(error.code).toBe('conflict');
    expect(error.details?.issues).toEqual([{ field: 'slug', reason: expect.any(String) }]);
  });

  it('updates the given fields, and returns the territory unchanged for an empty patch', async () => {
    const stored = await t.repos.territories.insert(buildTerritory());
    const updated = await t.repos.territories.update(stored.id, { name: 'Grand Est', poolingScope: { kind: 'departement' } });
    expect(updated).toEqual({ ...stored, name: 'Grand Est', poolingScope: { kind: 'departement' } });
    expect(await t.repos.territories.update(stored.id, {})).toEqual(updated);
    expect(await t.repos.territories.update(crypto.randomUUID(), { name: 'x' })).toBeUndefined();
  });

  it('lists territories by id, by name', async () => {
    const b = await t.repos.territories.insert(buildTerritory({ name: 'B territoire' }));
    const a = await t.repos.territories.insert(buildTerritory({ name: 'A territoire' }));
    expect(await t.repos.territories.list({ ids: [b.id, a.id] })).toEqual([a, b]);
    expect(await t.repos.territories.list({ ids: [] })).toEqual([]);
    expect((await t.repos.territories.list()).length).toBeGreaterThanOrEqual(2);
  });

  it('deletes a territory and its memberships, keeping the organizations', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const org = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(territory.id, org.id);
    expect(await t.repos.territories.delete(territory.id)).toBe(true);
    expect(await t.repos.territories.getById(territory.id)).toBeUndefined();
    expect(await t.repos.memberships.listTerritoryIds(org.id)).toEqual([]);
    expect(await t.repos.organizations.getById(org.id)).toEqual(org);
  });
});
