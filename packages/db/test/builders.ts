import type { Competence, PurchaseFamily, RunningContract, SupplierProfile } from '@mutualis/core';
import { buildSiret } from '@mutualis/core/identity';
import type { NewGroupement, NewNeed, NewOrganization, NewPurchaseFamily, NewRunningContract, NewTerritory, NewUser } from '../src/index';

/**
 * Builders of valid test data: every call returns fresh natural keys (SIRET, slug, email, DECP id)
 * so tests sharing one database never collide. Override any field; derived fields follow
 * `inseeCode` in `buildOrganization`.
 */

/** Real CPV 2008 codes (8 digits, no check digit) used across tests. */
export const CPV = {
  deIcingSalt: '34927100',
  paper: '30197630',
  gloves: '18424000',
  handSanitiser: '33741300',
  printedBooks: '22100000',
} as const;

/** Real INSEE commune codes. */
export const INSEE = { strasbourg: '67482', mulhouse: '68224', angouleme: '16015' } as const;

/**
 * Département, région and EPCI of the test communes, as in the Code officiel géographique
 * (checked against core's `getCommune` in builders.test.ts). Kept here so that test files
 * do not load the 1.7 MB commune table.
 */
export const COMMUNES: Record<string, { name: string; departementCode: string; regionCode: string; epciSiren: string | null }> = {
  [INSEE.strasbourg]: { name: 'Strasbourg', departementCode: '67', regionCode: '44', epciSiren: '246700488' },
  [INSEE.mulhouse]: { name: 'Mulhouse', departementCode: '68', regionCode: '44', epciSiren: '200066009' },
  [INSEE.angouleme]: { name: 'Angoulême', departementCode: '16', regionCode: '75', epciSiren: '200071827' },
};

let sequence = 0;
const runTag = Math.floor(Math.random() * 9000) + 1000;

/** A number unique within this test process. */
export function nextSequence(): number {
  sequence += 1;
  return sequence;
}

/** A valid (Luhn) SIRET, unique within this test process. */
export function uniqueSiret(): string {
  const n = nextSequence();
  return buildSiret(
    `2${String(runTag).padStart(4, '0')}${String(n % 1000).padStart(3, '0')}`,
    String(Math.floor(n / 1000)).padStart(4, '0'),
  );
}

export function buildTerritory(overrides: Partial<NewTerritory> = {}): NewTerritory {
  const n = nextSequence();
  return { slug: `territoire-${runTag}-${n}`, name: `Territoire ${n}`, poolingScope: { kind: 'territory' }, isDemo: false, ...overrides };
}

export function buildOrganization(overrides: Partial<NewOrganization> = {}): NewOrganization {
  const inseeCode = overrides.inseeCode ?? INSEE.strasbourg;
  const commune = COMMUNES[inseeCode];
  if (commune === undefined) throw new Error(`buildOrganization: add INSEE code ${inseeCode} to COMMUNES in builders.ts`);
  return {
    name: `Commune de ${commune.name} ${nextSequence()}`,
    siret: uniqueSiret(),
    kind: 'commune',
    inseeCode,
    departementCode: commune.departementCode,
    regionCode: commune.regionCode,
    epciSiren: commune.epciSiren,
    isDemo: false,
    ...overrides,
  };
}

export function buildNeed(overrides: Partial<NewNeed> & { organizationId: string }): NewNeed {
  return {
    cpvCode: CPV.deIcingSalt,
    label: 'Sel de déneigement en vrac',
    quantity: 120,
    unit: 't',
    unitsPerPack: null,
    unitPriceCents: 9_500,
    annualAmountCents: 1_140_000,
    amountIsDerived: true,
    deliveryCommunes: [INSEE.strasbourg],
    csrRequirements: [],
    qualityRequirements: '',
    confidence: 'firm',
    status: 'confirmed',
    source: 'manual',
    sourceRef: null,
    ...overrides,
  };
}

export function buildRunningContract(overrides: Partial<NewRunningContract> & { organizationId: string }): NewRunningContract {
  const n = nextSequence();
  return {
    reference: `2025-FCS-${n}`,
    cpvCode: CPV.paper,
    label: 'Fourniture de papier de reprographie',
    holderSiret: uniqueSiret(),
    holderName: 'Papeteries de l’Est',
    notificationDate: '2025-01-15',
    startDate: '2025-02-01',
    durationMonths: 12,
    renewalCount: 3,
    renewalMonths: 12,
    noticeMonths: 3,
    renewalsUsed: 0,
    amountCents: 4_800_000,
    nature: 'accord_cadre',
    source: 'manual',
    decpId: null,
    decpProvenance: [],
    ...overrides,
  } satisfies Omit<RunningContract, 'id'>;
}

export function buildSupplierProfile(overrides: Partial<SupplierProfile> & { organizationId: string }): SupplierProfile {
  return {
    nafCodes: ['22.22Z'],
    competences: ['thermoformage'],
    products: [{ cpvCode: CPV.gloves, label: 'Gants nitrile', annualCapacity: 2_000_000, unit: 'pair' }],
    deliveryRadiusKm: 150,
    certifications: ['ISO 9001'],
    isSme: true,
    description: 'Fabricant alsacien de gants à usage unique.',
    ...overrides,
  };
}

export function buildCompetence(overrides: Partial<Competence> = {}): Competence {
  const n = nextSequence();
  return { code: `competence-${n}`, labelFr: `Compétence ${n}`, kind: 'process', ...overrides };
}

export function buildFamily(overrides: Partial<NewPurchaseFamily> = {}): NewPurchaseFamily {
  return {
    territoryId: null,
    name: `Hygiène ${nextSequence()}`,
    cpvCodes: [CPV.gloves, CPV.handSanitiser],
    keywords: ['gant', 'gel hydroalcoolique'],
    elasticity: { low: 0.05, central: 0.1, high: 0.15, provenance: 'Étude interne 2024' },
    ...overrides,
  } satisfies Omit<PurchaseFamily, 'id'>;
}

export function buildGroupement(overrides: Partial<NewGroupement> & { territoryId: string; familyId: string }): NewGroupement {
  return {
    name: `Groupement ${nextSequence()}`,
    memberIds: [],
    coordinatorIds: [],
    mandateScope: 'procedure_signature',
    status: 'draft',
    isPermanent: false,
    admissionsBy: 'facilitator',
    ...overrides,
  };
}

export function buildUser(overrides: Partial<NewUser> = {}): NewUser {
  const n = nextSequence();
  return { email: `acheteur.${runTag}.${n}@example.fr`, name: `Acheteur ${n}`, passwordHash: `scrypt$fake$${n}`, ...overrides };
}
