import { expect, it } from 'vitest';
import { describeApp, fieldsOf } from '../../../test/test-app';

describeApp(
  'reference routes',
  (t) => {
    it('finds CPV codes by code prefix, with their check digit', async () => {
      const response = await t.as('member').get('/api/reference/cpv?q=3019763');
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toContainEqual(expect.objectContaining({ code: '30197630', checkDigit: '1' }));
    });

    it('finds a commune by name or INSEE code', async () => {
      const byName = await t.as('supplier').get('/api/reference/communes?q=strasbourg');
      expect(byName.json().items[0]).toEqual({ code: '67482', name: 'Strasbourg', departementCode: '67' });
      const byCode = await t.as('supplier').get('/api/reference/communes?q=16015');
      expect(byCode.json().items).toEqual([{ code: '16015', name: 'Angoulême', departementCode: '16' }]);
    });

    it('finds NAF sub-classes by label', async () => {
      const response = await t.as('observer').get('/api/reference/naf?q=boulangerie');
      expect(response.json().items).toContainEqual(expect.objectContaining({ code: '10.71C' }));
    });

    it('refuses an empty search naming q', async () => {
      const response = await t.as('member').get('/api/reference/cpv?q=');
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['q']);
    });

    it('refuses anonymous callers', async () => {
      expect((await t.as('anonymous').get('/api/reference/naf?q=pain')).statusCode).toBe(401);
    });
  },
  { sqliteOnly: true },
);
