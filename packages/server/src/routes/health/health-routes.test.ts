import { expect, it } from 'vitest';
import { describeApp } from '../../../test/test-app';

describeApp(
  'health and docs',
  (t) => {
    it('reports the database reachable and the version', async () => {
      const response = await t.as('anonymous').get('/api/health');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'ok', database: { reachable: true, dialect: t.dialect } });
    });

    it('publishes an OpenAPI document listing the routes', async () => {
      const doc = (await t.as('anonymous').get('/api/docs/json')).json() as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/needs', '/api/needs/{id}', '/api/auth/login', '/api/territories/{slug}/overview']),
      );
    });
  },
  { sqliteOnly: true },
);
