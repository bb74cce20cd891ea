import type { CompetenceDto } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { buildCompetence, buildSupplierProfile } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';

describeApp(
  'competences routes',
  (t) => {
    const codesSeenBy = async (persona: 'facilitator' | 'otherFacilitator' | 'supplier') =>
      ((await t.as(persona).get('/api/competences')).json() as { items: CompetenceDto[] }).items.map((c) => c.code);

    it('lets a facilitator add, rename and delete a competence of its territory', async () => {
      const created = await t
        .as('facilitator')
        .post('/api/competences', { code: 'decoupe-laser', labelFr: 'Découpe laser', kind: 'process' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ code: 'decoupe-laser', territoryId: t.world.territoryA.id });
      expect(
        (await t.as('facilitator').put('/api/competences/decoupe-laser', { labelFr: 'Découpe laser fibre', kind: 'equipment' })).json(),
      ).toMatchObject({ kind: 'equipment' });
      expect((await t.as('facilitator').delete('/api/competences/decoupe-laser')).statusCode).toBe(204);
    });

    it('keeps a territory’s competence away from another territory’s facilitator: not listed, not found', async () => {
      const alsace = await t.repos.competences.insert(buildCompetence({ labelFr: 'Pressage de choucroute' }), t.world.territoryA.id);
      expect(await codesSeenBy('facilitator')).toContain(alsace.code);
      expect(await codesSeenBy('otherFacilitator')).not.toContain(alsace.code);
      expect((await t.as('otherFacilitator').delete(`/api/competences/${alsace.code}`)).statusCode).toBe(404);
      expect((await t.as('otherFacilitator').put(`/api/competences/${alsace.code}`, { labelFr: 'x', kind: 'skill' })).statusCode).toBe(404);
      expect((await t.repos.competences.getByCode(alsace.code))?.labelFr).toBe('Pressage de choucroute');
    });

    it('refuses every facilitator the shared vocabulary, saying why, and keeps it listed for all', async () => {
      const shared = t.world.competenceCode;
      for (const persona of ['facilitator', 'otherFacilitator'] as const) {
        const deleted = await t.as(persona).delete(`/api/competences/${shared}`);
        expect(deleted.statusCode).toBe(403);
        expect(deleted.json().message).toMatch(/^Compétence partagée par tous les territoires/);
        expect((await t.as(persona).put(`/api/competences/${shared}`, { labelFr: 'Autre', kind: 'skill' })).statusCode).toBe(403);
        expect(await codesSeenBy(persona)).toContain(shared);
      }
      expect(await t.repos.competences.getByCode(shared)).toMatchObject({ code: shared, territoryId: null });
    });

    it('lets a firm declare shared competences and its territory’s, not another territory’s', async () => {
      const charente = await t.repos.competences.insert(buildCompetence(), t.world.territoryB.id);
      const alsace = await t.repos.competences.insert(buildCompetence(), t.world.territoryA.id);
      const profile = (competences: string[]) => {
        const { organizationId: _id, ...body } = buildSupplierProfile({ organizationId: t.world.firmA.id, competences });
        return body;
      };
      const refused = await t.as('supplier').put(`/api/suppliers/${t.world.firmA.id}`, profile([t.world.competenceCode, charente.code]));
      expect([refused.statusCode, fieldsOf(refused)]).toEqual([400, ['competences.1']]);
      const accepted = await t.as('supplier').put(`/api/suppliers/${t.world.firmA.id}`, profile([t.world.competenceCode, alsace.code]));
      expect(accepted.statusCode, accepted.body).toBe(200);
    });

    it('refuses a code with spaces and an unknown kind naming the fields', async () => {
      const response = await t.as('facilitator').post('/api/competences', { code: 'a b', labelFr: 'x', kind: 'magic' });
      expect(fieldsOf(response).sort()).toEqual(['code', 'kind']);
    });

    it('lets every logged-in role read the vocabulary but only facilitators change it', async () => {
      expect((await t.as('supplier').get('/api/competences')).statusCode).toBe(200);
      expect((await t.as('member').post('/api/competences', { code: 'soudure', labelFr: 'Soudure', kind: 'skill' })).statusCode).toBe(403);
    });
  },
  { sqliteOnly: true },
);
