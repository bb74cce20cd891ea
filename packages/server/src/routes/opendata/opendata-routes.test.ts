import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import AjvDraft7 from 'ajv';
import { expect, it } from 'vitest';
import { buildGroupement } from '../../../../db/test/dialects';
import { describeApp } from '../../../test/test-app';
import { ESSENTIAL_DATA } from '../lifecycle/lifecycle-matrix.fixture';

// The official schemas as published (core's fixtures are byte-identical copies).
const DATA = '/work/shared/data';
const readSchema = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(DATA, path), 'utf8'));
// OCDS schemas carry annotation keywords (codelist, openCodelist…) ajv does not know: not strict.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(readSchema('ocds-1.1-schema/release-schema.json'));
const validatePackage = ajv.compile(readSchema('ocds-1.1-schema/release-package-schema.json'));
const validateDecp = new AjvDraft7({ strict: false, allErrors: true }).compile(readSchema('decp-schemas/schema_decp_v2.0.3.json'));

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
    // Public buyers: their SIREN (the legal unit) under FR-SIRENE.
    expect(pkg.releases[0]?.parties.map((p) => p.identifier.id).sort()).toEqual(
      [t.world.buyerA1.siret.slice(0, 9), t.world.buyerA2.siret.slice(0, 9)].sort(),
    );
  });

  it('publishes an empty DECP 2024 document until awards are recorded', async () => {
    const response = await t.as('supplier').get(url('decp.json'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ marches: { marche: [] } });
  });

  /*
   * A groupement of A1 (coordinator) and A2 launched with 120 units each at 95 € (1 140 000 cents a year), lot « Sel »
   * awarded to the territory's firm at 85 € a unit for 12 months: committed spend 120 × 8 500 = 1 020 000 cents a year
   * each, × 12 / 12 → lot value 2 040 000 cents (20 400 €).
   */
  it('publishes awards and contracts in OCDS and, once its essential data are recorded, the lot in the DECP 2024', async () => {
    const members = [t.world.buyerA1.id, t.world.buyerA2.id].sort();
    const g = await t.repos.groupements.insert(
      buildGroupement({
        territoryId: t.world.territoryA.id,
        familyId: 'fam-salt',
        memberIds: members,
        coordinatorIds: [t.world.buyerA1.id],
        status: 'awarded',
      }),
    );
    await t.repos.decisionSnapshots.insert({
      groupementId: g.id,
      procedureNumber: 1,
      kind: 'launch',
      decidedOn: '2026-04-01',
      values: {
        memberIds: members,
        baselines: members.map((organizationId) => ({
          organizationId,
          annualAmountCents: 1_140_000,
          quantity: 120,
          estimated: { low: 0, central: 0, high: 0 },
        })),
        estimatedValueCents: 10_944_000,
        procedure: { kind: 'mapa_publicity', labelFr: 'MAPA', articles: [], thresholdVersionId: 'seuils-2026-04' },
      },
      parameters: {},
    });
    await t.repos.lotAwards.insert({
      groupementId: g.id,
      procedureNumber: 1,
      lotKey: 'lot-1',
      lotLabel: 'Sel',
      holderSiret: t.world.firmA.siret,
      holderName: t.world.firmA.name,
      holderDepartementCode: '67',
      holderIsSme: true,
      price: { kind: 'unit', unitPriceCents: 8_500 },
      awardedOn: '2026-06-01',
      startOn: '2026-07-01',
      durationMonths: 12,
      coverage: members.map((organizationId) => ({ organizationId, forecastQuantity: null })),
      contracts: [{ signatoryId: t.world.buyerA1.id, memberIds: members }],
    });

    const ocds = (await t.as('observer').get(url('ocds.json'))).json() as {
      releases: {
        tag: string[];
        awards?: { id: string; value: { amount: number }; suppliers: { id: string }[] }[];
        parties: { identifier: { scheme: string } }[];
      }[];
    };
    expect(validatePackage(ocds), JSON.stringify(validatePackage.errors)).toBe(true);
    const award = ocds.releases.find((r) => r.tag.includes('award'));
    expect(award?.awards?.map((a) => [a.id, a.value.amount])).toEqual([['lot-1', 20_400]]);
    // The firm under FR-RCS, the public buyers under FR-SIRENE (their SIRET is not an RCS number).
    expect(award?.awards?.[0]?.suppliers[0]?.id).toBe(`FR-RCS-${t.world.firmA.siret.slice(0, 9)}-${t.world.firmA.siret.slice(9)}`);
    expect(new Set(award?.parties.map((p) => p.identifier.scheme))).toEqual(new Set(['FR-SIRENE', 'FR-RCS']));

    const withheld = await t.as('observer').get(url('decp.json'));
    expect(withheld.statusCode).toBe(400);
    expect(withheld.json().details.issues[0].reason).toMatch(/^Lot « Sel » du groupement .* données essentielles à compléter/);

    const recorded = await t.as('facilitator').put(`/api/groupements/${g.id}/awards/lot-1/essential-data`, ESSENTIAL_DATA);
    expect(recorded.statusCode, recorded.body).toBe(200);
    const decp = await t.as('observer').get(url('decp.json'));
    expect(decp.statusCode, decp.body).toBe(200);
    expect(validateDecp(decp.json()), JSON.stringify(validateDecp.errors)).toBe(true);
    expect(decp.json().marches.marche).toEqual([
      expect.objectContaining({
        acheteur: { id: t.world.buyerA1.siret },
        montant: 20_400,
        dateNotification: '2026-06-20',
        offresRecues: 3,
        procedure: 'Procédure adaptée',
        titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: t.world.firmA.siret } }],
      }),
    ]);
  });

  it('refuses essential data that the DECP does not allow, naming the field', async () => {
    const response = await t
      .as('facilitator')
      .put(`/api/groupements/unknown/awards/lot-1/essential-data`, { ...ESSENTIAL_DATA, offersReceived: 0 });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().details)).toContain('offersReceived');
  });

  it('keeps open data to roles of the territory', async () => {
    expect((await t.as('otherFacilitator').get(url('ocds.json'))).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: url('decp.json') })).statusCode).toBe(401);
  });
});

const PUBLIC_URL = 'https://mutualis.example.fr';

describeApp(
  'open data routes: who reads what, and from which address',
  (t) => {
    const url = (file: string) => `/api/territories/${t.world.territoryA.slug}/${file}`;

    it('shows a supplier the groupements from their launch on, never the planning of draft ones', async () => {
      const territoryId = t.world.territoryA.id;
      const members = { memberIds: [t.world.buyerA1.id, t.world.buyerA2.id], coordinatorIds: [t.world.buyerA2.id] };
      const launched = await t.repos.groupements.insert(
        buildGroupement({ territoryId, familyId: 'fam-salt', status: 'launched', name: 'Sel lancé', ...members }),
      );
      const signed = await t.repos.groupements.insert(
        buildGroupement({ territoryId, familyId: 'fam-salt', status: 'signed', name: 'Sel signé', ...members }),
      );
      const draft = await t.repos.groupements.insert(
        buildGroupement({ territoryId, familyId: 'fam-salt', status: 'draft', name: 'Sel brouillon', ...members }),
      );
      const ocidsOf = async (persona: 'supplier' | 'facilitator') =>
        ((await t.as(persona).get(url('ocds.json'))).json() as { releases: { ocid: string }[] }).releases.map((r) => r.ocid);
      const forSupplier = await ocidsOf('supplier');
      // The launched one only: the draft and the signed ones are not shown to the supplier.
      expect(forSupplier).toHaveLength(1);
      expect(forSupplier[0]?.endsWith(launched.id)).toBe(true);
      const forFacilitator = await ocidsOf('facilitator');
      expect(forFacilitator.filter((ocid) => ocid.endsWith(signed.id) || ocid.endsWith(draft.id))).toHaveLength(2);
      expect(forFacilitator).toHaveLength(3);
    });

    it('writes the package uri from the configured public URL, whatever the Host header says', async () => {
      const response = await t.as('facilitator').request('GET', url('ocds.json'), undefined, { host: 'attaquant.example' });
      const pkg = response.json() as { uri: string };
      expect(pkg.uri).toBe(`${PUBLIC_URL}/api/territories/${t.world.territoryA.slug}/ocds.json`);
      expect(response.body).not.toContain('attaquant.example');
    });
  },
  { env: { PUBLIC_URL } },
);
