import { expect, it } from 'vitest';
import { buildOrganization, buildSupplierProfile, buildTerritory, CPV, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('supplier profiles repository', (t) => {
  it('creates then replaces a profile, round-tripping its JSON lists and products', async () => {
    const firm = await t.repos.organizations.insert(buildOrganization({ kind: 'sme' }));
    const first = buildSupplierProfile({ organizationId: firm.id });
    expect(await t.repos.supplierProfiles.upsert(first)).toEqual(first);
    const second = buildSupplierProfile({
      organizationId: firm.id,
      competences: ['soudure', 'découpe laser'],
      products: [
        { cpvCode: CPV.handSanitiser, label: 'Gel hydroalcoolique', annualCapacity: 12_500.5, unit: 'L' },
        { cpvCode: CPV.gloves, label: 'Gants vinyle', annualCapacity: 10_000, unit: 'box' },
      ],
      isSme: false,
    });
    await t.repos.supplierProfiles.upsert(second);
    expect(await t.repos.supplierProfiles.getByOrganizationId(firm.id)).toEqual(second);
  });

  it('refuses a profile for an unknown organization', async () => {
    const error = await domainErrorOf(() => t.repos.supplierProfiles.upsert(buildSupplierProfile({ organizationId: crypto.randomUUID() })));
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues?.[0]?.field).toBe('organizationId');
  });

  it('lists a territory’s suppliers with their organization, by competence and product CPV prefix', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const add = async (name: string, competences: string[], cpvCode: string) => {
      const org = await t.repos.organizations.insert(buildOrganization({ name, kind: 'sme' }));
      await t.repos.memberships.add(territory.id, org.id);
      const profile = buildSupplierProfile({
        organizationId: org.id,
        competences,
        products: [{ cpvCode, label: name, annualCapacity: 1, unit: 'unit' }],
      });
      await t.repos.supplierProfiles.upsert(profile);
      return { organization: org, profile };
    };
    const gants = await add('Gantier du Rhin', ['thermoformage'], CPV.gloves);
    const sel = await add('Salines de l’Est', ['extraction'], CPV.deIcingSalt);
    await add('Imprimerie Alsacienne', ['impression offset'], CPV.printedBooks);
    const outsider = await t.repos.organizations.insert(buildOrganization({ kind: 'sme' }));
    await t.repos.supplierProfiles.upsert(buildSupplierProfile({ organizationId: outsider.id }));
    const page = { limit: 10, offset: 0 };

    const all = await t.repos.supplierProfiles.list({ territoryId: territory.id }, page);
    expect(all.total).toBe(3);
    expect(all.items[0]).toEqual(gants);
    expect(await t.repos.supplierProfiles.list({ territoryId: territory.id, competence: 'extraction' }, page)).toEqual({
      items: [sel],
      total: 1,
    });
    expect((await t.repos.supplierProfiles.list({ territoryId: territory.id, cpvPrefix: '1842' }, page)).items).toEqual([gants]);
    expect((await t.repos.supplierProfiles.list({ territoryId: territory.id, competence: 'thermo' }, page)).total).toBe(0);
    const second = await t.repos.supplierProfiles.list({ territoryId: territory.id }, { limit: 1, offset: 1 });
    expect(second).toEqual({ items: [all.items[1]], total: 3 });
  });

  it('deletes a profile, keeping the organization', async () => {
    const firm = await t.repos.organizations.insert(buildOrganization({ kind: 'sme' }));
    await t.repos.supplierProfiles.upsert(buildSupplierProfile({ organizationId: firm.id }));
    expect(await t.repos.supplierProfiles.delete(firm.id)).toBe(true);
    expect(await t.repos.supplierProfiles.getByOrganizationId(firm.id)).toBeUndefined();
    expect(await t.repos.organizations.getById(firm.id)).toEqual(firm);
  });
});
