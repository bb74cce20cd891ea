import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import AjvDraft4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildSiret } from '../identity/siret';
import type { MemberBaseline } from '../lifecycle/compute-savings-pipeline';
import type { LotAward } from '../lifecycle/record-award';
import { buildAwardedLots } from './build-awarded-lots';
import { buildDecp2024 } from './build-decp-2024';
import { buildDecpContracts, decpMarcheId } from './build-decp-contracts';
import { buildOcdsReleasePackage } from './build-ocds-release-package';
import type { AwardEssentialData } from './decp-types';
import { buildOpenDataGroupement, SUPPLIER } from './test-builders';

// The official schemas, as published (the fixtures next to this file are byte-identical copies).
const DATA = '/work/shared/data';
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));
const validateDecp = new Ajv({ strict: false, allErrors: true }).compile(readJson(`${DATA}/decp-schemas/schema_decp_v2.0.3.json`));
const ocdsAjv = new AjvDraft4({ strict: false, allErrors: true });
addFormats(ocdsAjv);
ocdsAjv.addSchema(readJson(`${DATA}/ocds-1.1-schema/release-schema.json`));
const validateOcds = ocdsAjv.compile(readJson(`${DATA}/ocds-1.1-schema/release-package-schema.json`));

const ESSENTIALS: AwardEssentialData = {
  notifiedOn: '2026-07-01',
  offersReceived: 3,
  priceTypes: ['Définitif révisable'],
  ccag: 'Fournitures courantes et services',
  subcontractingDeclared: false,
  advanceGranted: false,
  isInnovative: false,
  operatorGrouping: 'Pas de groupement',
  socialConsiderations: [],
  environmentalConsiderations: ['Critère environnemental'],
};

const baselines: MemberBaseline[] = [
  { organizationId: 'cd67', annualAmountCents: 1_200_000, quantity: 1_000, estimated: { low: 0, central: 0, high: 0 } },
  { organizationId: 'strasbourg', annualAmountCents: 800_000, quantity: 500, estimated: { low: 0, central: 0, high: 0 } },
];
const coverage = [
  { organizationId: 'cd67', forecastQuantity: null },
  { organizationId: 'strasbourg', forecastQuantity: null },
];
const awards: LotAward[] = [
  {
    lotKey: 'lot-1',
    lotLabel: 'Sel en vrac',
    holderSiret: SUPPLIER.siret,
    holderName: SUPPLIER.name,
    price: { kind: 'unit', unitPriceCents: 1_100 },
    awardedOn: '2026-06-15',
    startOn: '2026-07-15',
    durationMonths: 48,
    coverage,
    essentialData: ESSENTIALS,
  },
  {
    lotKey: 'lot-2',
    lotLabel: 'Sel en sacs',
    holderSiret: SUPPLIER.siret,
    holderName: SUPPLIER.name,
    price: { kind: 'amount', amountCents: 500_000 },
    awardedOn: '2026-06-15',
    startOn: '2026-07-15',
    durationMonths: 12,
    coverage,
  },
];

/*
 * Lot 1 at 11,00 € a unit: committed spend a year cd67 1 000 × 1 100 = 1 100 000 c, Strasbourg 500 × 1 100 = 550 000 c;
 * over 48 months × 4: 4 400 000 + 2 200 000 = 6 600 000 c (66 000 €). Lot 2: 5 000 € a year shared by forecast
 * 1 000 : 500 → 333 333 + 166 667 c, × 12 / 12 → 500 000 c; it has no essential data yet.
 */
const lots = buildAwardedLots({ awards, baselines, cpvCode: '34927100', isFrameworkAgreement: true });
const groupement = buildOpenDataGroupement({ lots, procedureNumber: 1 });

describe('buildAwardedLots', () => {
  it('values each member’s share at its committed spend over the lot’s duration', () => {
    expect(lots.map((l) => [l.id, l.valueCents, l.memberShares.map((s) => s.valueCents), l.notificationDate])).toEqual([
      ['lot-1', 6_600_000, [4_400_000, 2_200_000], '2026-07-01'],
      ['lot-2', 500_000, [333_333, 166_667], '2026-07-15'],
    ]);
  });
});

describe('buildDecpContracts', () => {
  it('publishes an awarded lot as a DECP 2024 marché valid against the official schema', () => {
    const { contracts, missing } = buildDecpContracts({ groupements: [groupement], publicationDate: '2026-07-20' });
    const doc = buildDecp2024({ awardedContracts: contracts });
    expect(validateDecp(doc), JSON.stringify(validateDecp.errors)).toBe(true);
    expect(doc.marches.marche).toEqual([
      expect.objectContaining({
        id: 'gsel2026-1-1',
        acheteur: { id: buildSiret('22670001', '0001') },
        objet: 'Sel de déneigement 2026-2029 — Sel en vrac',
        codeCPV: '34927100',
        techniques: { technique: ['Accord-cadre'] },
        modalitesExecution: { modaliteExecution: ['Bons de commande'] },
        offresRecues: 3,
        procedure: "Appel d'offres ouvert",
        lieuExecution: { code: '67482', typeCode: 'Code commune' },
        dureeMois: 48,
        dateNotification: '2026-07-01',
        datePublicationDonnees: '2026-07-20',
        montant: 66_000,
        formePrix: 'Unitaire',
        titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: SUPPLIER.siret } }],
      }),
    ]);
    expect(missing).toEqual([
      {
        field: 'groupements.0.lots.1.essentialData',
        reason: expect.stringMatching(
          /^Lot « Sel en sacs » du groupement « Sel de déneigement 2026-2029 » : données essentielles à compléter/,
        ),
      },
    ]);
  });

  it('withholds a lot notified after the publication date', () => {
    const { contracts, missing } = buildDecpContracts({ groupements: [groupement], publicationDate: '2026-06-30' });
    expect(contracts).toEqual([]);
    expect(missing.map((m) => m.field)).toEqual(['groupements.0.lots.0.essentialData.notifiedOn', 'groupements.0.lots.1.essentialData']);
  });

  it('keeps marché ids within the 16 characters the DECP allows', () => {
    expect(decpMarcheId('3f2a9c1e-77aa-4bcd-9e1f-0123456789ab', 12, 41)).toBe('3f2a9c1e-12-42');
  });
});

describe('OCDS with awards', () => {
  it('publishes awards and contracts (lots, holders, amounts, dates), valid against the official schema', () => {
    const pkg = buildOcdsReleasePackage({
      groupements: [groupement],
      publisher: { name: 'Département du Bas-Rhin', siret: buildSiret('22670001', '0001'), kind: 'departement' },
      uri: 'https://mutualis.example.fr/ocds.json',
      publishedDate: '2026-07-20T08:00:00Z',
      ocidPrefix: 'ocds-mutualis',
    });
    expect(validateOcds(pkg), JSON.stringify(validateOcds.errors)).toBe(true);
    const award = pkg.releases[1];
    expect(award?.awards?.map((a) => [a.id, a.value.amount, a.date, a.contractPeriod.startDate])).toEqual([
      ['lot-1', 66_000, '2026-06-15T00:00:00Z', '2026-07-01T00:00:00Z'],
      ['lot-2', 5_000, '2026-06-15T00:00:00Z', '2026-07-15T00:00:00Z'],
    ]);
    expect(award?.contracts?.map((c) => [c.awardID, c.value.amount])).toEqual([
      ['lot-1', 66_000],
      ['lot-2', 5_000],
    ]);
  });
});
