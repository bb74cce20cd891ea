import { expect, it } from 'vitest';
import { buildOrganization, buildTerritory, forEachDialect, INSEE } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('organizations repository', (t) => {
  it('round-trips an organization through insert, getById and getBySiret', async () => {
    const input = buildOrganization({ inseeCode: INSEE.mulhouse, kind: 'epci', isDemo: true });
    const stored = await t.repos.organizations.insert(input);
    expect(stored).toEqual({ ...input, id: stored.id });
    expect(stored.departementCode).toBe('68');
    expect(await t.repos.organizations.getById(stored.id)).toEqual(stored);
    expect(await t.repos.organizations.getBySiret(input.siret)).toEqual(stored);
  });

  it('keeps the id given on insert', async () => {
    const id = crypto.randomUUID();
    const stored = await t.repos.organizations.insert({ ...buildOrganization(), id });
    expect(stored.id).toBe(id);
  });

  it('returns undefined for an unknown id or SIRET', async () => {
    expect(await t.repos.organizations.getById(crypto.randomUUID())).toBeUndefined();
    expect(await t.repos.organizations.getBySiret('00000000000000')).toBeUndefined();
  });

  it('rejects a second organization with the same SIRET as a conflict naming siret', async () => {
    const first = await t.repos.organizations.insert(buildOrganization());
    const error = await domainErrorOf(() => t.repos.organizations.insert(buildOrganization({ siret: first.siret })));
    expect(error.code).toBe('conflict');
    expect(error.details?.issues).toEqual([{ field: 'siret', reason: expect.any(String) }]);
  });

  it('rejects an update that takes another organization’s SIRET', async () => {
    const first = await t.repos.organizations.insert(buildOrganization());
    const second = await t.repos.organizations.insert(buildOrganization());
    const error = await domainErrorOf(() => t.repos.organizations.update(second.id, { siret: first.siret }));
    expect(error.code).toBe('conflict');
    expect(error.details?.issues?.[0]?.field).toBe('siret');
  });

  it('updates only the given fields', async () => {
    const stored = await t.repos.organizations.insert(buildOrganization());
    const updated = await t.repos.organizations.update(stored.id, { name: 'Eurométropole de Strasbourg', kind: 'epci' });
    expect(updated).toEqual({ ...stored, name: 'Eurométropole de Strasbourg', kind: 'epci' });
    expect(await t.repos.organizations.getById(stored.id)).toEqual(updated);
  });

  it('answers undefined when updating or false when deleting a missing organization', async () => {
    expect(await t.repos.organizations.update(crypto.randomUUID(), { name: 'x' })).toBeUndefined();
    expect(await t.repos.organizations.delete(crypto.randomUUID())).toBe(false);
  });

  it('deletes an organization', async () => {
    const stored = await t.repos.organizations.insert(buildOrganization());
    expect(await t.repos.organizations.delete(stored.id)).toBe(true);
    expect(await t.repos.organizations.getById(stored.id)).toBeUndefined();
  });

  it('upserts by SIRET, keeping the first id', async () => {
    const first = await t.repos.organizations.upsert(buildOrganization({ name: 'Ancien nom' }));
    const again = await t.repos.organizations.upsert(buildOrganization({ siret: first.siret, name: 'Nouveau nom' }));
    expect(again.id).toBe(first.id);
    expect(again.name).toBe('Nouveau nom');
  });

  it('lists the members of a territory filtered by kind, département and name, with the total of all pages', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const other = await t.repos.territories.insert(buildTerritory());
    const members = [
      buildOrganization({ name: 'Alpha Strasbourg', inseeCode: INSEE.strasbourg }),
      buildOrganization({ name: 'Bravo Strasbourg', inseeCode: INSEE.strasbourg }),
      buildOrganization({ name: 'Charlie Strasbourg', inseeCode: INSEE.strasbourg, kind: 'hospital' }),
      buildOrganization({ name: 'Delta Mulhouse', inseeCode: INSEE.mulhouse }),
      buildOrganization({ name: 'Echo Angoulême', inseeCode: INSEE.angouleme }),
    ];
    for (const input of members) {
      const org = await t.repos.organizations.insert(input);
      await t.repos.memberships.add(territory.id, org.id);
    }
    const outsider = await t.repos.organizations.insert(buildOrganization({ name: 'Alpha hors territoire' }));
    await t.repos.memberships.add(other.id, outsider.id);

    const page1 = await t.repos.organizations.list({ territoryId: territory.id }, { limit: 2, offset: 0 });
    const page3 = await t.repos.organizations.list({ territoryId: territory.id }, { limit: 2, offset: 4 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((o) => o.name)).toEqual(['Alpha Strasbourg', 'Bravo Strasbourg']);
    expect(page3.items.map((o) => o.name)).toEqual(['Echo Angoulême']);

    const bas = await t.repos.organizations.list(
      { territoryId: territory.id, departementCode: '67', kind: 'commune' },
      { limit: 10, offset: 0 },
    );
    expect(bas.items.map((o) => o.name)).toEqual(['Alpha Strasbourg', 'Bravo Strasbourg']);
    expect(bas.total).toBe(2);

    const search = await t.repos.organizations.list({ territoryId: territory.id, q: 'MULHOUSE' }, { limit: 10, offset: 0 });
    expect(search.items.map((o) => o.name)).toEqual(['Delta Mulhouse']);
  });

  it('lists every organization when no filter is given', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const all = await t.repos.organizations.list({}, { limit: 1_000, offset: 0 });
    expect(all.items).toContainEqual(org);
    expect(all.total).toBe(all.items.length);
  });

  it('finds an organization by its SIRET typed with spaces', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const spaced = `${org.siret.slice(0, 3)} ${org.siret.slice(3, 6)} ${org.siret.slice(6, 9)} ${org.siret.slice(9)}`;
    const found = await t.repos.organizations.list({ q: spaced }, { limit: 10, offset: 0 });
    expect(found.items.map((o) => o.id)).toEqual([org.id]);
  });

  it('treats % and _ in the search text literally', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const org = await t.repos.organizations.insert(buildOrganization({ name: 'SIVU 100% bio' }));
    await t.repos.memberships.add(territory.id, (await t.repos.organizations.insert(buildOrganization({ name: 'SIVU 1000 bio' }))).id);
    await t.repos.memberships.add(territory.id, org.id);
    const found = await t.repos.organizations.list({ territoryId: territory.id, q: '100%' }, { limit: 10, offset: 0 });
    expect(found.items.map((o) => o.name)).toEqual(['SIVU 100% bio']);
    const underscore = await t.repos.organizations.list({ territoryId: territory.id, q: 'SIVU_' }, { limit: 10, offset: 0 });
    expect(underscore.total).toBe(0);
  });
});
