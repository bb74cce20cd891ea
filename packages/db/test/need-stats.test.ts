import { expect, it } from 'vitest';
import { buildNeed, buildOrganization, buildTerritory, CPV, forEachDialect, INSEE } from './dialects';

forEachDialect('needs statistics', (t) => {
  async function seed() {
    const territory = await t.repos.territories.insert(buildTerritory());
    const insert = async (name: string, inseeCode: string) => {
      const org = await t.repos.organizations.insert(buildOrganization({ name, inseeCode }));
      await t.repos.memberships.add(territory.id, org.id);
      return org;
    };
    const strasbourg = await insert('Ville de Strasbourg', INSEE.strasbourg);
    const mulhouse = await insert('Ville de Mulhouse', INSEE.mulhouse);
    const angouleme = await insert('Ville d’Angoulême', INSEE.angouleme);
    const outsider = await t.repos.organizations.insert(buildOrganization());
    const needs = [
      buildNeed({ organizationId: strasbourg.id, cpvCode: CPV.deIcingSalt, annualAmountCents: 123_456_789_012 }),
      buildNeed({ organizationId: strasbourg.id, cpvCode: CPV.paper, annualAmountCents: 250_000 }),
      buildNeed({ organizationId: strasbourg.id, cpvCode: CPV.gloves, annualAmountCents: 40_000, status: 'proposed' }),
      buildNeed({ organizationId: mulhouse.id, cpvCode: CPV.deIcingSalt, annualAmountCents: 900_000 }),
      buildNeed({ organizationId: mulhouse.id, cpvCode: CPV.handSanitiser, annualAmountCents: 12_345 }),
      buildNeed({ organizationId: mulhouse.id, cpvCode: CPV.printedBooks, annualAmountCents: 77_000, status: 'rejected' }),
      buildNeed({ organizationId: outsider.id, cpvCode: CPV.deIcingSalt, annualAmountCents: 5_000_000 }),
    ];
    for (const need of needs) await t.repos.needs.insert(need);
    return { territory, strasbourg, mulhouse, angouleme };
  }

  it('sums counted needs per member organization, largest first, members without needs at zero', async () => {
    const { territory, strasbourg, mulhouse, angouleme } = await seed();
    // Derivation (rejected and non-member needs left out):
    //   Strasbourg: 123_456_789_012 + 250_000 + 40_000 = 123_457_079_012 over 3 needs
    //   Mulhouse:   900_000 + 12_345 = 912_345 over 2 needs (77_000 is rejected)
    //   Angoulême:  no need → 0 over 0
    expect(await t.repos.needs.statsByOrganization(territory.id)).toEqual([
      { organizationId: strasbourg.id, organizationName: 'Ville de Strasbourg', needsCount: 3, annualAmountCents: 123_457_079_012 },
      { organizationId: mulhouse.id, organizationName: 'Ville de Mulhouse', needsCount: 2, annualAmountCents: 912_345 },
      { organizationId: angouleme.id, organizationName: 'Ville d’Angoulême', needsCount: 0, annualAmountCents: 0 },
    ]);
  });

  it('counts only the requested statuses', async () => {
    const { territory, mulhouse } = await seed();
    const rejected = await t.repos.needs.statsByOrganization(territory.id, { statuses: ['rejected'] });
    // Only Mulhouse's printed books (77_000) is rejected.
    expect(rejected.find((s) => s.organizationId === mulhouse.id)).toMatchObject({ needsCount: 1, annualAmountCents: 77_000 });
    expect(rejected.reduce((sum, s) => sum + s.needsCount, 0)).toBe(1);
  });

  it('sums counted needs per CPV division with the number of distinct buyers', async () => {
    const { territory } = await seed();
    // Derivation by the first two CPV digits (rejected 22 and the outsider's 34 left out):
    //   18 gloves:            40_000, 1 need, Strasbourg
    //   30 paper:            250_000, 1 need, Strasbourg
    //   33 hand sanitiser:    12_345, 1 need, Mulhouse
    //   34 salt: 123_456_789_012 + 900_000 = 123_457_689_012, 2 needs, Strasbourg + Mulhouse
    expect(await t.repos.needs.statsByCpvDivision(territory.id)).toEqual([
      { division: '18', needsCount: 1, annualAmountCents: 40_000, organizationsCount: 1 },
      { division: '30', needsCount: 1, annualAmountCents: 250_000, organizationsCount: 1 },
      { division: '33', needsCount: 1, annualAmountCents: 12_345, organizationsCount: 1 },
      { division: '34', needsCount: 2, annualAmountCents: 123_457_689_012, organizationsCount: 2 },
    ]);
  });

  it('counts nothing when no status is requested', async () => {
    const { territory } = await seed();
    const lines = await t.repos.needs.statsByOrganization(territory.id, { statuses: [] });
    expect(lines.map((l) => [l.needsCount, l.annualAmountCents])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(await t.repos.needs.statsByCpvDivision(territory.id, { statuses: [] })).toEqual([]);
  });

  it('returns no division and zero lines for an empty territory', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    expect(await t.repos.needs.statsByCpvDivision(territory.id)).toEqual([]);
    expect(await t.repos.needs.statsByOrganization(territory.id)).toEqual([]);
  });
});
