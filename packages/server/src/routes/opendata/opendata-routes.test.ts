import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import { buildGroupement } from '../../../../db/test/dialects';
import { describeApp } from '../../../test/test-app';

const SCHEMAS = join(import.meta.dirname, '../../../../core/src/opendata/fixtures');
const readSchema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8'));
// OCDS schemas carry annotation keywords (codelist, openCodelist…) ajv does not know: not strict.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(readSchema('release-schema.json'));
const validatePackage = ajv.compile(readSchema('release-package-schema.json'));

const PUBLIC_URL = 'https://mutualis.example.fr';

describeApp(
  'open data routes',
  (t) => {
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

    it('shows a supplier the groupements from their launch on, never the planning of draft ones', async () => {
      const territoryId = t.world.territoryA.id;
      const members = { memberIds: [t.world.buyerA1.id, t.world.buyerA2.id], coordinatorIds: [t.world.buyerA2.id] };
      const launched = await t.repos.groupements.insert(
        buildGroupement({ territoryId, familyId: 'fam-salt', status: 'launched', name: 'Sel lancé', ...members }),
      );
      const signed = await t.repos.groupements.insert(
        buildGroupement({ territoryId, familyId: 'fam-salt', status: 'signed', name: 'Sel signé', ...members }),
      );
      const ocidsOf = async (persona: 'supplier' | 'facilitator') =>
        ((await t.as(persona).get(url('ocds.json'))).json() as { releases: { ocid: string }[] }).releases.map((r) => r.ocid);
      const forSupplier = await ocidsOf('supplier');
      expect(forSupplier.filter((ocid) => ocid.endsWith(launched.id))).toHaveLength(1);
      // The draft groupement of the first test and the signed one: not shown to the supplier.
      expect(forSupplier).toHaveLength(1);
      const forFacilitator = await ocidsOf('facilitator');
      expect(forFacilitator.filter((ocid) => ocid.endsWith(signed.id))).toHaveLength(1);
      expect(forFacilitator.length).toBe(3);
    });

    it('writes the package uri from the configured public URL, whatever the Host header says', async () => {
      const response = await t.as('facilitator').request('GET', url('ocds.json'), undefined, { host: 'attaquant.example' });
      const pkg = response.json() as { uri: string };
      expect(pkg.uri).toBe(`${PUBLIC_URL}/api/territories/${t.world.territoryA.slug}/ocds.json`);
      expect(response.body).not.toContain('attaquant.example');
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
  },
  { env: { PUBLIC_URL } },
);
