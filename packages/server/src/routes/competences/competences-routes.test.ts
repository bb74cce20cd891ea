import { expect, it } from 'vitest';
import { describeApp, fieldsOf } from '../../../test/test-app';

describeApp(
  'competences routes',
  (t) => {
    it('lets a facilitator add, rename and delete a competence', async () => {
      const created = await t
        .as('facilitator')
        .post('/api/competences', { code: 'decoupe-laser', labelFr: 'Découpe laser', kind: 'process' });
      expect(created.statusCode).toBe(201);
      expect(
        (await t.as('facilitator').put('/api/competences/decoupe-laser', { labelFr: 'Découpe laser fibre', kind: 'equipment' })).json(),
      ).toMatchObject({
        kind: 'equipment',
      });
      expect((await t.as('facilitator').delete('/api/competences/decoupe-laser')).statusCode).toBe(204);
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
