import { expect, it } from 'vitest';
import { withTransaction } from '../src/index';
import { buildFamily, buildGroupement, buildNeed, buildOrganization, buildTerritory, forEachDialect } from './dialects';

forEachDialect('withTransaction', (t) => {
  it('commits every write of the callback and returns its value', async () => {
    const result = await withTransaction(t.m, async (repos) => {
      const territory = await repos.territories.insert(buildTerritory());
      const org = await repos.organizations.insert(buildOrganization());
      await repos.memberships.add(territory.id, org.id);
      await repos.needs.insert(buildNeed({ organizationId: org.id }));
      return { territory, org };
    });
    expect(await t.repos.memberships.isMember(result.territory.id, result.org.id)).toBe(true);
    expect(await t.repos.needs.listForTerritory(result.territory.id)).toHaveLength(1);
  });

  it('rolls back inserts, updates and deletes when the callback throws', async () => {
    const kept = await t.repos.organizations.insert(buildOrganization({ name: 'Avant' }));
    const doomed = buildOrganization();
    const failure = new Error('échec au milieu');
    await expect(
      withTransaction(t.m, async (repos) => {
        await repos.organizations.insert(doomed);
        await repos.organizations.update(kept.id, { name: 'Après' });
        await repos.needs.insertMany([buildNeed({ organizationId: kept.id }), buildNeed({ organizationId: kept.id })]);
        await repos.organizations.delete(kept.id);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await t.repos.organizations.getBySiret(doomed.siret)).toBeUndefined();
    expect(await t.repos.organizations.getById(kept.id)).toEqual(kept);
    expect((await t.repos.needs.list({ organizationId: kept.id }, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('rolls back earlier writes when a later one violates a unique key', async () => {
    const existing = await t.repos.organizations.insert(buildOrganization());
    const territory = buildTerritory();
    await expect(
      withTransaction(t.m, async (repos) => {
        await repos.territories.insert(territory);
        await repos.organizations.insert(buildOrganization({ siret: existing.siret }));
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await t.repos.territories.getBySlug(territory.slug)).toBeUndefined();
  });

  it('rolls back a groupement inserted inside a failing transaction together with its members', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const family = await t.repos.families.insert(buildFamily());
    const org = await t.repos.organizations.insert(buildOrganization());
    const id = crypto.randomUUID();
    await expect(
      withTransaction(t.m, async (repos) => {
        await repos.groupements.insert(buildGroupement({ id, territoryId: territory.id, familyId: family.id, memberIds: [org.id] }));
        throw new Error('annulé');
      }),
    ).rejects.toThrow('annulé');
    expect(await t.repos.groupements.getById(id)).toBeUndefined();
    expect(await t.repos.groupements.list({ territoryId: territory.id })).toEqual([]);
  });
});
