import { expect, it } from 'vitest';
import { buildFamily, buildGroupement, buildOrganization, buildTerritory, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('groupements repository', (t) => {
  async function setting() {
    const territory = await t.repos.territories.insert(buildTerritory());
    const family = await t.repos.families.insert(buildFamily({ territoryId: territory.id }));
    const orgs = [];
    for (let i = 0; i < 3; i += 1) orgs.push(await t.repos.organizations.insert(buildOrganization()));
    const ids = orgs.map((o) => o.id).sort();
    return { territory, family, ids };
  }

  it('round-trips a groupement with its members and coordinator', async () => {
    const { territory, family, ids } = await setting();
    const input = buildGroupement({
      territoryId: territory.id,
      familyId: family.id,
      memberIds: ids,
      coordinatorIds: [ids[1] ?? ''],
      isPermanent: true,
    });
    const stored = await t.repos.groupements.insert(input);
    expect(stored).toEqual({ ...input, id: stored.id });
    expect(await t.repos.groupements.getById(stored.id)).toEqual(stored);
  });

  it('counts a coordinator missing from memberIds as a member', async () => {
    const { territory, family, ids } = await setting();
    const [a, b] = ids;
    const stored = await t.repos.groupements.insert(
      buildGroupement({ territoryId: territory.id, familyId: family.id, memberIds: [a ?? ''], coordinatorIds: [b ?? ''] }),
    );
    expect(stored.memberIds).toEqual([a, b]);
    expect(stored.coordinatorIds).toEqual([b]);
  });

  it('writes nothing when one member is unknown', async () => {
    const { territory, family, ids } = await setting();
    const id = crypto.randomUUID();
    const error = await domainErrorOf(() =>
      t.repos.groupements.insert(
        buildGroupement({ id, territoryId: territory.id, familyId: family.id, memberIds: [...ids, crypto.randomUUID()] }),
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(await t.repos.groupements.getById(id)).toBeUndefined();
  });

  it('updates the status and replaces the member list', async () => {
    const { territory, family, ids } = await setting();
    const stored = await t.repos.groupements.insert(
      buildGroupement({ territoryId: territory.id, familyId: family.id, memberIds: ids, coordinatorIds: [ids[0] ?? ''] }),
    );
    const updated = await t.repos.groupements.update(stored.id, { status: 'signed', memberIds: ids.slice(0, 2) });
    expect(updated).toEqual({ ...stored, status: 'signed', memberIds: ids.slice(0, 2) });
    expect(await t.repos.groupements.update(crypto.randomUUID(), { status: 'signed' })).toBeUndefined();
  });

  it('lists a territory’s groupements by status, and deletes one', async () => {
    const { territory, family } = await setting();
    const draft = await t.repos.groupements.insert(
      buildGroupement({ territoryId: territory.id, familyId: family.id, name: 'A brouillon' }),
    );
    const launched = await t.repos.groupements.insert(
      buildGroupement({ territoryId: territory.id, familyId: family.id, name: 'B lancé', status: 'launched' }),
    );
    expect(await t.repos.groupements.list({ territoryId: territory.id })).toEqual([draft, launched]);
    expect(await t.repos.groupements.list({ territoryId: territory.id, status: 'launched' })).toEqual([launched]);
    expect(await t.repos.groupements.delete(draft.id)).toBe(true);
    expect(await t.repos.groupements.list({ territoryId: territory.id })).toEqual([launched]);
  });
});
