import { expect, it } from 'vitest';
import { buildCompetence, buildFamily, buildTerritory, CPV, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('competences and purchase families repositories', (t) => {
  it('inserts, updates, lists by kind and deletes competences', async () => {
    const weld = await t.repos.competences.insert(buildCompetence({ labelFr: 'Soudure TIG', kind: 'skill' }));
    const press = await t.repos.competences.insert(buildCompetence({ labelFr: 'Presse 200 t', kind: 'equipment' }));
    expect(await t.repos.competences.getByCode(weld.code)).toEqual(weld);
    expect(await t.repos.competences.update(weld.code, { labelFr: 'Soudure TIG et MIG' })).toEqual({
      ...weld,
      labelFr: 'Soudure TIG et MIG',
    });
    const equipment = await t.repos.competences.list({ kind: 'equipment' });
    expect(equipment).toContainEqual(press);
    expect(equipment.every((c) => c.kind === 'equipment')).toBe(true);
    expect(await t.repos.competences.delete(press.code)).toBe(true);
    expect(await t.repos.competences.getByCode(press.code)).toBeUndefined();
  });

  it('rejects a duplicate competence code, and upserts it instead', async () => {
    const first = await t.repos.competences.insert(buildCompetence());
    const error = await domainErrorOf(() => t.repos.competences.insert(buildCompetence({ code: first.code })));
    expect(error.code).toBe('conflict');
    expect(error.details?.issues?.[0]?.field).toBe('code');
    expect(await t.repos.competences.upsert({ ...first, labelFr: 'Renommée' })).toEqual({ ...first, labelFr: 'Renommée' });
  });

  it('round-trips a family with its CPV codes, keywords and elasticity', async () => {
    const input = buildFamily();
    const stored = await t.repos.families.insert(input);
    expect(stored).toEqual({ ...input, id: stored.id });
    expect(await t.repos.families.getById(stored.id)).toEqual(stored);
  });

  it('lists shipped families plus the territory’s own, not another territory’s', async () => {
    const territory = await t.repos.territories.insert(buildTerritory());
    const other = await t.repos.territories.insert(buildTerritory());
    const shipped = await t.repos.families.insert(buildFamily({ name: 'A livré' }));
    const own = await t.repos.families.insert(buildFamily({ name: 'B propre', territoryId: territory.id, cpvCodes: [CPV.paper] }));
    const foreign = await t.repos.families.insert(buildFamily({ territoryId: other.id }));
    const listed = await t.repos.families.list({ territoryId: territory.id });
    expect(listed).toContainEqual(shipped);
    expect(listed).toContainEqual(own);
    expect(listed.map((f) => f.id)).not.toContain(foreign.id);
    expect((await t.repos.families.list()).map((f) => f.id)).not.toContain(own.id);
  });

  it('updates and deletes a family', async () => {
    const stored = await t.repos.families.insert(buildFamily());
    const elasticity = { low: 0, central: 0.08, high: 0.2, provenance: 'DAE 2023' };
    expect(await t.repos.families.update(stored.id, { keywords: ['papier'], elasticity })).toEqual({
      ...stored,
      keywords: ['papier'],
      elasticity,
    });
    expect(await t.repos.families.delete(stored.id)).toBe(true);
    expect(await t.repos.families.getById(stored.id)).toBeUndefined();
  });
});
