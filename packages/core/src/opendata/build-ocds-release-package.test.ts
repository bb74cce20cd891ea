import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpvCatalog } from '../cpv/cpv-catalog';
import { MANDATE_SCOPES } from '../domain/types';
import { buildSiret } from '../identity/siret';
import { buildOcdsReleasePackage } from './build-ocds-release-package';
import type { OpenDataGroupement } from './open-data-input';
import { buildGroupement, buildLot, buildOpenDataGroupement, buildOrganization, SUPPLIER } from './test-builders';

const fixtures = join(import.meta.dirname, 'fixtures');
const readSchema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(fixtures, name), 'utf8'));

// OCDS schemas carry annotation keywords (codelist, openCodelist, deprecated…) ajv does not know: not strict.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(readSchema('release-schema.json'));
const validatePackage = ajv.compile(readSchema('release-package-schema.json'));

function build(groupements: OpenDataGroupement[]) {
  return buildOcdsReleasePackage({
    groupements,
    publisher: { name: 'Département du Bas-Rhin', siret: buildSiret('22670001', '0001'), kind: 'departement' },
    uri: 'https://mutualis.example.fr/opendata/ocds/2026.json',
    publishedDate: '2026-07-20T08:00:00Z',
    ocidPrefix: 'ocds-mutualis',
  });
}

describe('buildOcdsReleasePackage', () => {
  it('publishes a planned groupement as a schema-valid planning release', () => {
    const pkg = build([buildOpenDataGroupement()]);
    expect(validatePackage(pkg), JSON.stringify(validatePackage.errors)).toBe(true);
    const [release] = pkg.releases;
    expect(release?.tag).toEqual(['planning']);
    expect(release?.ocid).toBe('ocds-mutualis-g-sel-2026');
    expect(release?.planning?.budget.amount).toEqual({ amount: 520000, currency: 'EUR' });
    expect(release?.tender.items).toEqual([
      { id: '1', description: 'Sel de déneigement', classification: { scheme: 'CPV', id: '34927100', description: 'Sel de déneigement' } },
    ]);
    // Public bodies are not in the RCS: their SIREN under FR-SIRENE, the establishment's NIC in the party id.
    expect(release?.parties.map((p) => [p.id, p.identifier, p.roles])).toEqual([
      [
        `FR-SIRENE-226700011-${buildSiret('22670001', '0001').slice(9)}`,
        { scheme: 'FR-SIRENE', id: '226700011', legalName: 'Département du Bas-Rhin' },
        ['buyer', 'procuringEntity'],
      ],
      [
        `FR-SIRENE-216704825-${buildSiret('21670482', '0001').slice(9)}`,
        { scheme: 'FR-SIRENE', id: '216704825', legalName: 'Ville de Strasbourg' },
        ['buyer'],
      ],
    ]);
    expect(build([buildOpenDataGroupement()]).publisher).toEqual({
      name: 'Département du Bas-Rhin',
      scheme: 'FR-SIRENE',
      uid: '226700011',
    });
  });

  it('gives a non-member coordinator the procuring-entity role only', () => {
    const input = buildOpenDataGroupement({
      groupement: buildGroupement({ memberIds: ['strasbourg'], coordinatorIds: ['cd67'] }),
    });
    const roles = build([input]).releases[0]?.parties.map((p) => p.roles);
    expect(roles).toEqual([['procuringEntity'], ['buyer']]);
  });

  it('adds an award and one contract per member when each member signs its own contract', () => {
    const input = buildOpenDataGroupement({ groupement: buildGroupement({ mandateScope: 'procedure' }), lots: [buildLot()] });
    const pkg = build([input]);
    expect(validatePackage(pkg), JSON.stringify(validatePackage.errors)).toBe(true);
    const award = pkg.releases[1];
    expect(award?.tag).toEqual(['award', 'contract']);
    // A company holder: SIREN under org-id.guide's FR-RCS.
    expect(award?.awards?.[0]).toMatchObject({
      value: { amount: 480000 },
      suppliers: [{ id: `FR-RCS-552100554-${SUPPLIER.siret.slice(9)}` }],
    });
    expect(award?.parties.at(-1)?.identifier).toEqual({ scheme: 'FR-RCS', id: '552100554', legalName: SUPPLIER.name });
    expect(award?.contracts?.map((c) => [c.buyer?.name, c.value.amount])).toEqual([
      ['Département du Bas-Rhin', 360000],
      ['Ville de Strasbourg', 120000],
    ]);
    expect(award?.parties.at(-1)?.roles).toEqual(['supplier']);
    expect(award?.awards?.[0]?.contractPeriod).toEqual({
      startDate: '2026-07-01T00:00:00Z',
      endDate: '2030-07-01T00:00:00Z',
      durationInDays: 1461,
    });
  });

  it('keeps one contract signed by the coordinator under a signature mandate', () => {
    const pkg = build([buildOpenDataGroupement({ lots: [buildLot()] })]);
    expect(pkg.releases[1]?.contracts).toHaveLength(1);
    expect(pkg.releases[1]?.contracts?.[0]?.buyer).toBeUndefined();
  });

  it('is refused by the schema when a required release field is missing', () => {
    const pkg = build([buildOpenDataGroupement()]);
    const { ocid: _ocid, ...withoutOcid } = pkg.releases[0] ?? { ocid: '' };
    expect(validatePackage({ ...pkg, releases: [withoutOcid] })).toBe(false);
    expect(validatePackage.errors?.map((e) => e.message)).toContain("must have required property 'ocid'");
  });

  it('produces schema-valid packages for random groupements', () => {
    const cpvCodes = [...cpvCatalog().keys()];
    const organization = fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }),
      sirenPrefix: fc.stringMatching(/^[12][0-9]{7}$/),
    });
    const arbGroupement = fc
      .record({
        orgs: fc.uniqueArray(organization, { minLength: 1, maxLength: 6, selector: (o) => o.sirenPrefix }),
        mandateScope: fc.constantFrom(...MANDATE_SCOPES),
        cpv: fc.uniqueArray(fc.constantFrom(...cpvCodes), { minLength: 1, maxLength: 4 }),
        estimated: fc.integer({ min: 1, max: 10_000_000_000 }),
        awarded: fc.boolean(),
        duration: fc.integer({ min: 1, max: 96 }),
        id: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
      })
      .map(({ orgs, mandateScope, cpv, estimated, awarded, duration, id }): OpenDataGroupement => {
        const organizations = orgs.map((o, i) =>
          buildOrganization({ id: `o${i}`, name: o.name, siret: buildSiret(o.sirenPrefix, '0001') }),
        );
        const memberIds = organizations.map((o) => o.id);
        const lot = buildLot({
          cpvCode: cpv[0] ?? '34927100',
          durationMonths: duration,
          memberShares: memberIds.map((organizationId) => ({ organizationId, valueCents: 1000 })),
        });
        return buildOpenDataGroupement({
          groupement: buildGroupement({ id, memberIds, coordinatorIds: [memberIds[0] ?? 'o0'], mandateScope }),
          family: { name: 'Famille', cpvCodes: cpv },
          organizations,
          estimatedValueCents: estimated,
          lots: awarded ? [lot] : [],
        });
      });
    fc.assert(
      fc.property(fc.uniqueArray(arbGroupement, { minLength: 1, maxLength: 3, selector: (g) => g.groupement.id }), (groupements) => {
        const valid = validatePackage(build(groupements));
        if (!valid) throw new Error(JSON.stringify(validatePackage.errors));
      }),
      { numRuns: 60 },
    );
  });
});
