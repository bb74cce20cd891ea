import { expect, it } from 'vitest';
import { buildOrganization, buildTerritory, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('coordinator overrides repository', (t) => {
  const setUp = async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const first = await t.repos.organizations.insert(buildOrganization());
    const second = await t.repos.organizations.insert(buildOrganization());
    return { territory, first, second };
  };

  it('stores a family-wide override and a per-cell one side by side', async () => {
    const { territory, first, second } = await setUp();
    await t.repos.coordinatorOverrides.upsert({
      territoryId: territory.id,
      familyKey: 'famille:fam-salt',
      cellKey: null,
      organizationId: first.id,
    });
    await t.repos.coordinatorOverrides.upsert({
      territoryId: territory.id,
      familyKey: 'famille:fam-salt',
      cellKey: '67',
      organizationId: second.id,
    });
    const listed = await t.repos.coordinatorOverrides.listForTerritory(territory.id);
    expect(listed.map(({ cellKey, organizationId }) => ({ cellKey, organizationId }))).toEqual([
      { cellKey: null, organizationId: first.id },
      { cellKey: '67', organizationId: second.id },
    ]);
  });

  it('replaces the override of the same family and cell instead of duplicating it', async () => {
    const { territory, first, second } = await setUp();
    const key = { territoryId: territory.id, familyKey: 'cpv:class:3019', cellKey: null };
    await t.repos.coordinatorOverrides.upsert({ ...key, organizationId: first.id });
    const replaced = await t.repos.coordinatorOverrides.upsert({ ...key, organizationId: second.id });
    expect(replaced.organizationId).toBe(second.id);
    expect(await t.repos.coordinatorOverrides.listForTerritory(territory.id)).toEqual([replaced]);
  });

  it('clears an override and reports whether one existed', async () => {
    const { territory, first } = await setUp();
    const key = { territoryId: territory.id, familyKey: 'famille:fam-paper', cellKey: 'territoire' };
    await t.repos.coordinatorOverrides.upsert({ ...key, organizationId: first.id });
    expect(await t.repos.coordinatorOverrides.delete(key)).toBe(true);
    expect(await t.repos.coordinatorOverrides.delete(key)).toBe(false);
    expect(await t.repos.coordinatorOverrides.listForTerritory(territory.id)).toEqual([]);
  });

  it('rejects an override naming an unknown organization, naming the field', async () => {
    const { territory } = await setUp();
    const error = await domainErrorOf(() =>
      t.repos.coordinatorOverrides.upsert({ territoryId: territory.id, familyKey: 'famille:x', cellKey: null, organizationId: 'nope' }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues?.[0]?.field).toBe('organizationId');
  });

  it('drops the overrides of a deleted territory', async () => {
    const { territory, first } = await setUp();
    await t.repos.coordinatorOverrides.upsert({
      territoryId: territory.id,
      familyKey: 'famille:x',
      cellKey: null,
      organizationId: first.id,
    });
    await t.repos.territories.delete(territory.id);
    expect(await t.repos.coordinatorOverrides.listForTerritory(territory.id)).toEqual([]);
  });
});
