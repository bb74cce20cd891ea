import { expect, it } from 'vitest';
import type { DialectTestContext } from './dialects';
import { buildNeed, buildOrganization, buildTerritory, CPV, forEachDialect, INSEE } from './dialects';
import { domainErrorOf } from './domain-error-of';

async function memberOf(t: DialectTestContext, territoryId: string, inseeCode: string = INSEE.strasbourg) {
  const org = await t.repos.organizations.insert(buildOrganization({ inseeCode }));
  await t.repos.memberships.add(territoryId, org.id);
  return org;
}

forEachDialect('needs repository', (t) => {
  it('round-trips a need with JSON lists, booleans, a fractional quantity and a 12-digit amount in cents', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const input = buildNeed({
      organizationId: org.id,
      quantity: 120.5,
      annualAmountCents: 123_456_789_012,
      unitPriceCents: 987_654_321,
      amountIsDerived: false,
      deliveryCommunes: [INSEE.strasbourg, INSEE.mulhouse],
      csrRequirements: ['clause sociale d’insertion', 'Écolabel européen'],
      qualityRequirements: 'Sel conforme NF P98-180, granulométrie 0/6',
      confidence: 'estimated',
      status: 'proposed',
      source: 'decp',
      sourceRef: '21670482500019_2025-001',
    });
    const stored = await t.repos.needs.insert(input);
    expect(stored).toEqual({ ...input, id: stored.id });
    const loaded = await t.repos.needs.getById(stored.id);
    expect(loaded).toEqual(stored);
    expect(Number.isSafeInteger(loaded?.annualAmountCents)).toBe(true);
  });

  it('round-trips empty optional values as null', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const input = buildNeed({ organizationId: org.id, quantity: null, unit: null, unitPriceCents: null, deliveryCommunes: [] });
    const stored = await t.repos.needs.insert(input);
    expect(await t.repos.needs.getById(stored.id)).toEqual({ ...input, id: stored.id });
  });

  it('rejects a need of an unknown organization, naming organizationId', async () => {
    const error = await domainErrorOf(() => t.repos.needs.insert(buildNeed({ organizationId: crypto.randomUUID() })));
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues?.[0]?.field).toBe('organizationId');
  });

  it('updates the given fields and deletes', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const stored = await t.repos.needs.insert(buildNeed({ organizationId: org.id }));
    const updated = await t.repos.needs.update(stored.id, { status: 'rejected', csrRequirements: ['HVE'], quantity: null });
    expect(updated).toEqual({ ...stored, status: 'rejected', csrRequirements: ['HVE'], quantity: null });
    expect(await t.repos.needs.delete(stored.id)).toBe(true);
    expect(await t.repos.needs.getById(stored.id)).toBeUndefined();
    expect(await t.repos.needs.update(stored.id, { label: 'x' })).toBeUndefined();
  });

  it('filters a territory’s needs by CPV prefix, département, organization, status and label, paginating with a full total', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const strasbourg = await memberOf(t, territory.id, INSEE.strasbourg);
    const mulhouse = await memberOf(t, territory.id, INSEE.mulhouse);
    const outsider = await t.repos.organizations.insert(buildOrganization());
    const salt = { cpvCode: CPV.deIcingSalt, label: 'Sel de déneigement' };
    const paper = { cpvCode: CPV.paper, label: 'Ramettes de papier A4' };
    const gloves = { cpvCode: CPV.gloves, label: 'Gants nitrile' };
    await t.repos.needs.insert(buildNeed({ organizationId: strasbourg.id, ...salt }));
    await t.repos.needs.insert(buildNeed({ organizationId: strasbourg.id, ...paper }));
    await t.repos.needs.insert(buildNeed({ organizationId: strasbourg.id, ...gloves, status: 'proposed' }));
    await t.repos.needs.insert(buildNeed({ organizationId: mulhouse.id, ...salt }));
    await t.repos.needs.insert(buildNeed({ organizationId: mulhouse.id, ...paper }));
    await t.repos.needs.insert(buildNeed({ organizationId: outsider.id, ...salt }));
    const all = { limit: 50, offset: 0 };

    const everything = await t.repos.needs.list({ territoryId: territory.id }, all);
    expect(everything.total).toBe(5);
    const page = await t.repos.needs.list({ territoryId: territory.id }, { limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.items).toEqual(everything.items.slice(2, 4));

    const byDivision = await t.repos.needs.list({ territoryId: territory.id, cpvPrefix: '34' }, all);
    expect(byDivision.items.map((n) => n.organizationId).sort()).toEqual([strasbourg.id, mulhouse.id].sort());
    expect((await t.repos.needs.list({ territoryId: territory.id, cpvPrefix: '3019763' }, all)).total).toBe(2);
    expect((await t.repos.needs.list({ territoryId: territory.id, departementCode: '68' }, all)).total).toBe(2);
    expect((await t.repos.needs.list({ territoryId: territory.id, organizationId: strasbourg.id }, all)).total).toBe(3);
    expect((await t.repos.needs.list({ territoryId: territory.id, status: 'proposed' }, all)).items.map((n) => n.cpvCode)).toEqual([
      CPV.gloves,
    ]);
    expect((await t.repos.needs.list({ territoryId: territory.id, q: 'papier a4' }, all)).total).toBe(2);
    expect((await t.repos.needs.list({ territoryId: territory.id, cpvPrefix: '34', departementCode: '67' }, all)).total).toBe(1);
  });

  it('lists every need of a territory for the analysis, and none of non-members', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const member = await memberOf(t, territory.id);
    const outsider = await t.repos.organizations.insert(buildOrganization());
    const inside = await t.repos.needs.insert(buildNeed({ organizationId: member.id }));
    await t.repos.needs.insert(buildNeed({ organizationId: outsider.id }));
    expect(await t.repos.needs.listForTerritory(territory.id)).toEqual([inside]);
  });

  it('inserts many needs at once, beyond one INSERT chunk', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const org = await memberOf(t, territory.id);
    const inputs = Array.from({ length: 1_203 }, (_, i) =>
      buildNeed({ organizationId: org.id, label: `Ligne ${i}`, annualAmountCents: i }),
    );
    expect(await t.repos.needs.insertMany(inputs)).toBe(1_203);
    const stored = await t.repos.needs.listForTerritory(territory.id);
    expect(stored).toHaveLength(1_203);
    // Sum of 0..1202 = 1202 × 1203 / 2.
    expect(stored.reduce((s, n) => s + n.annualAmountCents, 0)).toBe(723_003);
  });

  it('deletes the needs of a deleted organization', async () => {
    const org = await t.repos.organizations.insert(buildOrganization());
    const need = await t.repos.needs.insert(buildNeed({ organizationId: org.id }));
    await t.repos.organizations.delete(org.id);
    expect(await t.repos.needs.getById(need.id)).toBeUndefined();
  });
});
