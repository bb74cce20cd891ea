import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/test-app';

const SCHEMAS = join(import.meta.dirname, '../../../../core/src/opendata/fixtures');
const readSchema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8'));
// OCDS schemas carry annotation keywords (codelist, openCodelist…) ajv does not know: not strict.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(readSchema('release-schema.json'));
const validatePackage = ajv.compile(readSchema('release-package-schema.json'));

describeApp('open data routes', (t) => {
  const url = (file: string) => `/api/territories/${t.world.territoryA.slug}/${file}`;

  it('publishes the territory’s groupements as a schema-valid OCDS release package with one planning release each', async () => {
    const created = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/groupements`, {
      opportunityId: 'famille:fam-salt@territoire',
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await t.as('observer').get(url('ocds.json'));
    expect(response.statusCode).toBe(200);
    const pkg = response.json() as { releases: { tag: string[]; parties: { identifier: { id: string } }[] }[] };
    expect(validatePackage(pkg), JSON.stringify(validatePackage.errors)).toBe(true);
    expect(pkg.releases.map((r) => r.tag)).toEqual([['planning']]);
    expect(pkg.releases[0]?.parties.map((p) => p.identifier.id).sort()).toEqual([t.world.buyerA1.siret, t.world.buyerA2.siret].sort());
  });

  it('publishes an empty DECP 2024 document until awards are recorded', async () => {
    const response = await t.as('supplier').get(url('decp.json'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ marches: { marche: [] } });
  });

  it('keeps open data to roles of the territory', async () => {
    expect((await t.as('otherFacilitator').get(url('ocds.json'))).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: url('decp.json') })).statusCode).toBe(401);
  });
});
