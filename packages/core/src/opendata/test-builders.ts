import type { Groupement, Organization } from '../domain/types';
import { buildSiret } from '../identity/siret';
import type { DecpContractInput } from './decp-types';
import type { AwardedLot, OpenDataGroupement } from './open-data-input';

/** Test data builders for open-data inputs (not exported from the package). */
export function buildOrganization(overrides: Partial<Organization> & Pick<Organization, 'id'>): Organization {
  return {
    name: `Commune ${overrides.id}`,
    siret: buildSiret('21670482', '0001'),
    kind: 'commune',
    inseeCode: '67482',
    departementCode: '67',
    regionCode: '44',
    epciSiren: null,
    isDemo: true,
    ...overrides,
  };
}

export function buildGroupement(overrides: Partial<Groupement> = {}): Groupement {
  return {
    id: 'g-sel-2026',
    territoryId: 't-alsace',
    name: 'Sel de déneigement 2026-2029',
    familyId: 'f-sel',
    memberIds: ['cd67', 'strasbourg'],
    coordinatorIds: ['cd67'],
    mandateScope: 'procedure_signature',
    status: 'draft',
    isPermanent: false,
    admissionsBy: 'facilitator',
    ...overrides,
  };
}

export const SUPPLIER = { siret: buildSiret('55210055', '0001'), name: 'Salines de l’Est SAS' };

export function buildLot(overrides: Partial<AwardedLot> = {}): AwardedLot {
  return {
    id: '1',
    title: 'Lot 1 — Sel de déneigement en vrac',
    cpvCode: '34927100',
    supplier: SUPPLIER,
    valueCents: 48_000_000,
    awardDate: '2026-06-15',
    notificationDate: '2026-07-01',
    durationMonths: 48,
    isFrameworkAgreement: true,
    memberShares: [
      { organizationId: 'cd67', valueCents: 36_000_000 },
      { organizationId: 'strasbourg', valueCents: 12_000_000 },
    ],
    ...overrides,
  };
}

export function buildOpenDataGroupement(overrides: Partial<OpenDataGroupement> = {}): OpenDataGroupement {
  return {
    groupement: buildGroupement(),
    family: { name: 'Viabilité hivernale', cpvCodes: ['34927100'] },
    organizations: [
      buildOrganization({ id: 'cd67', name: 'Département du Bas-Rhin', siret: buildSiret('22670001', '0001'), kind: 'departement' }),
      buildOrganization({ id: 'strasbourg', name: 'Ville de Strasbourg', siret: buildSiret('21670482', '0001') }),
    ],
    estimatedValueCents: 52_000_000,
    planningDate: '2026-01-15',
    procedure: "Appel d'offres ouvert",
    lots: [],
    ...overrides,
  };
}

export function buildDecpContract(overrides: Partial<DecpContractInput> = {}): DecpContractInput {
  return {
    id: '2026-SEL-01',
    coordinatorSiret: buildSiret('22670001', '0001'),
    object: 'Groupement de commandes — fourniture de sel de déneigement',
    cpvCode: '34927100',
    procedure: "Appel d'offres ouvert",
    isFrameworkAgreement: true,
    executionModes: ['Bons de commande'],
    ccag: 'Fournitures courantes et services',
    offersReceived: 3,
    isInnovative: false,
    advanceGranted: false,
    operatorGrouping: 'Pas de groupement',
    executionPlace: { code: '67', typeCode: 'Code département' },
    durationMonths: 48,
    notificationDate: '2026-07-01',
    publicationDate: '2026-07-20',
    amountCents: 48_000_050,
    priceTypes: ['Définitif révisable'],
    priceForm: 'Unitaire',
    subcontractingDeclared: false,
    holderSirets: [SUPPLIER.siret],
    socialConsiderations: [],
    environmentalConsiderations: ['Critère environnemental'],
    ...overrides,
  };
}
