import { DEFAULT_RECIPES } from '@mutualis/core/recipes';
import { expect, it } from 'vitest';
import type { NewPlannedConsultation } from '../src';
import { buildOrganization, buildTerritory, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

function buildConsultation(territoryId: string, overrides: Partial<NewPlannedConsultation> = {}): NewPlannedConsultation {
  return {
    territoryId,
    opportunityId: 'cpv:class:3374@16',
    title: 'Gel hydro-alcoolique',
    cpvCode: '33741300',
    volume: 9000.5,
    unit: 'L',
    buyerCount: 2,
    lots: [{ id: 'C:16015|=33741300', label: 'Angoulême', volume: 4000.5, unit: 'L', siteCodes: ['16015'] }],
    maxLotsPerBidder: null,
    launchDate: '2027-03-01',
    startDate: '2027-07-01',
    notes: '',
    ...overrides,
  };
}

forEachDialect('local capacity repositories', (t) => {
  it('replaces a territory recipe of the same id and keeps another territory’s apart', async () => {
    const [a, b] = [await t.repos.territories.insert(buildTerritory()), await t.repos.territories.insert(buildTerritory())];
    const shipped = DEFAULT_RECIPES[0];
    if (!shipped) throw new Error('no shipped recipe');
    await t.repos.recipes.upsert(a.id, shipped);
    const edited = await t.repos.recipes.upsert(a.id, { ...shipped, label: 'Gel maison' });
    expect(edited.label).toBe('Gel maison');
    expect(edited.inputs).toEqual(shipped.inputs);
    expect((await t.repos.recipes.listForTerritory(a.id)).map((r) => r.label)).toEqual(['Gel maison']);
    expect(await t.repos.recipes.listForTerritory(b.id)).toEqual([]);
    expect(await t.repos.recipes.delete(a.id, shipped.id)).toBe(true);
    expect(await t.repos.recipes.getById(a.id, shipped.id)).toBeUndefined();
  });

  it('lists planned consultations by launch date with their lots and fractional volumes', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    await t.repos.plannedConsultations.insert(buildConsultation(territory.id, { launchDate: '2027-06-01', title: 'Second' }));
    const first = await t.repos.plannedConsultations.insert(buildConsultation(territory.id));
    const listed = await t.repos.plannedConsultations.listForTerritory(territory.id);
    expect(listed.map((c) => c.title)).toEqual(['Gel hydro-alcoolique', 'Second']);
    expect(listed[0]).toEqual(first);
    expect(first.lots[0]?.volume).toBe(4000.5);
  });

  it('keeps one declaration per firm and lot, the latest capacity winning', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const firm = await t.repos.organizations.insert(buildOrganization({ kind: 'sme' }));
    const consultation = await t.repos.plannedConsultations.insert(buildConsultation(territory.id));
    const key = { consultationId: consultation.id, lotId: 'C:16015|=33741300', organizationId: firm.id };
    await t.repos.interestDeclarations.upsert({ ...key, capacity: 1000, unit: 'L', comment: '' });
    await t.repos.interestDeclarations.upsert({ ...key, capacity: 5000, unit: 'L', comment: 'Ligne disponible' });
    const listed = await t.repos.interestDeclarations.listForOpportunity(territory.id, consultation.opportunityId);
    expect(listed.map((d) => [d.capacity, d.comment])).toEqual([[5000, 'Ligne disponible']]);
    expect(await t.repos.interestDeclarations.listForConsultation(consultation.id, 'other-firm')).toEqual([]);
  });

  it('lists a territory’s contacts latest first and rejects an unknown firm naming the field', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const firm = await t.repos.organizations.insert(buildOrganization({ kind: 'sme' }));
    const base = { territoryId: territory.id, organizationId: firm.id, userId: null, channel: 'telephone', notes: '' };
    await t.repos.contactLog.insert({ ...base, subject: 'Premier appel', occurredAt: '2026-11-01T09:00:00.000Z' });
    await t.repos.contactLog.insert({ ...base, subject: 'Visite', occurredAt: '2026-11-05T09:00:00.000Z' });
    const page = await t.repos.contactLog.list({ territoryId: territory.id, organizationId: firm.id });
    expect([page.total, page.items.map((e) => e.subject)]).toEqual([2, ['Visite', 'Premier appel']]);
    const error = await domainErrorOf(() => t.repos.contactLog.insert({ ...base, organizationId: 'nope', subject: 'x', occurredAt: 'x' }));
    expect(error.details?.issues?.[0]?.field).toBe('organizationId');
  });
});
