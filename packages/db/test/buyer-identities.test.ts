import { type BuyerIdentity, buildSiret } from '@mutualis/core';
import { expect, it } from 'vitest';
import { buildOrganization, buildTerritory, forEachDialect } from './dialects';

function identity(overrides: Partial<BuyerIdentity> & Pick<BuyerIdentity, 'values'>): BuyerIdentity {
  return {
    written: overrides.values,
    status: 'legal_unit',
    resolvedName: overrides.values.name,
    legal: null,
    unit: null,
    repairs: [],
    isStillBroken: false,
    conflict: null,
    isNameKept: false,
    kindSource: 'name',
    locationSource: 'kept',
    isToReview: false,
    explanation: ['Une explication.'],
    ...overrides,
  };
}

forEachDialect('buyer identities store', (t) => {
  it('records published names per SIRET, keeping the highest count of each: re-recording changes nothing', async () => {
    const org = await t.repos.organizations.insert(buildOrganization({ name: 'BUDGET PRINCIPAL', kind: 'other_public' }));
    const unknown = buildSiret('29999999', '0001');
    const sirens = await t.repos.buyerIdentities.recordPublishedNames(
      new Map([
        [org.siret, new Map([['BUDGET PRINCIPAL', 3]])],
        [unknown, new Map([['Nobody', 1]])],
      ]),
    );
    expect(sirens).toEqual([org.siret.slice(0, 9)]);
    await t.repos.buyerIdentities.recordPublishedNames(
      new Map([
        [
          org.siret,
          new Map([
            ['BUDGET PRINCIPAL', 2],
            ['SDIS 31 Haute Garonne', 5],
          ]),
        ],
      ]),
    );
    await t.repos.buyerIdentities.recordPublishedNames(new Map([[org.siret, new Map([['SDIS 31 Haute Garonne', 5]])]]));
    const [subject] = await t.repos.buyerIdentities.listSubjects([org.siret.slice(0, 9)]);
    expect(subject).toMatchObject({
      organizationId: org.id,
      isBuyer: true,
      current: { name: 'BUDGET PRINCIPAL', kind: 'other_public', inseeCode: org.inseeCode },
      publishedNames: [
        { name: 'SDIS 31 Haute Garonne', count: 5 },
        { name: 'BUDGET PRINCIPAL', count: 3 },
      ],
      establishment: null,
      legalUnit: null,
      resolution: null,
    });
  });

  it('lists every establishment of a SIREN with its SIRENE facts', async () => {
    const head = await t.repos.organizations.insert(buildOrganization());
    const other = await t.repos.organizations.insert(buildOrganization({ siret: buildSiret(head.siret.slice(0, 8), '0099') }));
    const siren = head.siret.slice(0, 9);
    const matched = await t.repos.buyerIdentities.recordEstablishments([
      { siret: other.siret, name: 'DIRECTION DES ROUTES', inseeCode: '67482', isActive: true },
      { siret: buildSiret('29999998', '0001'), name: null, inseeCode: '75056', isActive: true },
    ]);
    expect(matched).toEqual([siren]);
    await t.repos.buyerIdentities.recordLegalUnits([
      { siren, name: 'COMMUNE DE STRASBOURG', legalCategory: '7210', enterpriseCategory: null, isActive: true },
    ]);
    await t.repos.buyerIdentities.recordLegalUnits([
      { siren, name: 'COMMUNE DE STRASBOURG', legalCategory: '7210', enterpriseCategory: 'GE', isActive: false },
    ]);
    const subjects = await t.repos.buyerIdentities.listSubjects([siren]);
    expect(subjects.map((s) => [s.siret, s.isBuyer, s.establishment?.name ?? null, s.legalUnit])).toEqual([
      [head.siret, false, null, { siren, name: 'COMMUNE DE STRASBOURG', legalCategory: '7210', enterpriseCategory: 'GE', isActive: false }],
      [
        other.siret,
        false,
        'DIRECTION DES ROUTES',
        { siren, name: 'COMMUNE DE STRASBOURG', legalCategory: '7210', enterpriseCategory: 'GE', isActive: false },
      ],
    ]);
    const { sirets, sirens } = await t.repos.buyerIdentities.listStoredIdentifiers();
    expect([sirets.has(other.siret), sirens.has(siren), sirets.has(buildSiret('29999998', '0001'))]).toEqual([true, true, false]);
  });

  it('saves resolutions: the organisation’s name, kind and location where they changed, the outcome listed by territory', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const elsewhere = await t.repos.territories.insert(buildTerritory());
    const budget = await t.repos.organizations.insert(buildOrganization({ name: 'BUDGET PRINCIPAL', kind: 'other_public' }));
    const sound = await t.repos.organizations.insert(buildOrganization({ name: 'Ville de Mulhouse', inseeCode: '68224' }));
    const outside = await t.repos.organizations.insert(buildOrganization({ name: 'Direction de la Maintenance', kind: 'other_public' }));
    for (const org of [budget, sound]) await t.repos.memberships.add(territory.id, org.id);
    await t.repos.memberships.add(elsewhere.id, outside.id);
    await t.repos.buyerIdentities.recordPublishedNames(new Map([[budget.siret, new Map([['BUDGET PRINCIPAL', 36]])]]));

    const unknown = identity({
      values: {
        name: `Unité légale SIREN ${budget.siret.slice(0, 9)} (« BUDGET PRINCIPAL »)`,
        kind: 'other_public',
        inseeCode: budget.inseeCode,
      },
      status: 'unknown_legal_unit',
      isToReview: true,
    });
    const mulhouse = identity({ values: { name: 'Ville de Mulhouse', kind: 'commune', inseeCode: '68224' } });
    const strasbourg = { inseeCode: '67482', departementCode: '67', regionCode: '44', epciSiren: '246700488' };
    const changed = await t.repos.buyerIdentities.saveResolutions([
      { organizationId: budget.id, identity: unknown, location: strasbourg },
      { organizationId: sound.id, identity: mulhouse, location: null },
      { organizationId: outside.id, identity: unknown, location: null },
    ]);
    expect(changed).toBe(2);
    expect(await t.repos.organizations.getById(budget.id)).toMatchObject({
      name: unknown.values.name,
      inseeCode: '67482',
      departementCode: '67',
    });
    expect(await t.repos.buyerIdentities.saveResolutions([{ organizationId: sound.id, identity: mulhouse, location: null }])).toBe(0);

    const page = await t.repos.buyerIdentities.listNames({ territoryId: territory.id });
    expect(page.items.map((i) => [i.name, i.status, i.isToReview, i.publishedNames.length])).toEqual([
      [unknown.values.name, 'unknown_legal_unit', true, 1],
      ['Ville de Mulhouse', 'legal_unit', false, 0],
    ]);
    expect([page.total, page.toReview, page.byStatus.unknown_legal_unit, page.byStatus.legal_unit]).toEqual([2, 1, 1, 1]);
    const [subject] = await t.repos.buyerIdentities.listSubjects([budget.siret.slice(0, 9)]);
    expect(subject?.resolution).toEqual(unknown);
    const toReview = await t.repos.buyerIdentities.listNames({ territoryId: territory.id, isToReview: true, q: 'budget' });
    expect(toReview.items.map((i) => i.organizationId)).toEqual([budget.id]);
  });

  it('forgets an organisation’s identity with it', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    await t.repos.buyerIdentities.recordPublishedNames(new Map([[org.siret, new Map([['Mairie', 1]])]]));
    await t.repos.organizations.delete(org.id);
    expect(await t.repos.buyerIdentities.listSubjects([org.siret.slice(0, 9)])).toEqual([]);
  });
});
