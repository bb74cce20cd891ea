import { buildSiret, type Need, type Organization, type RunningContract } from '@mutualis/core';

/** Test data builders shared by the file adapter tests. */
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

export function buildNeed(overrides: Partial<Need> & Pick<Need, 'id' | 'organizationId'>): Need {
  return {
    cpvCode: '34927100',
    label: 'Sel de déneigement',
    quantity: 120,
    unit: 't',
    unitsPerPack: null,
    unitPriceCents: 9550,
    annualAmountCents: 1146000,
    amountIsDerived: true,
    deliveryCommunes: ['67482'],
    csrRequirements: ['Sel d’origine France'],
    qualityRequirements: 'Granulométrie 0-5 mm',
    confidence: 'firm',
    status: 'confirmed',
    source: 'manual',
    sourceRef: null,
    ...overrides,
  };
}

export function buildRunningContract(
  overrides: Partial<RunningContract> & Pick<RunningContract, 'id' | 'organizationId'>,
): RunningContract {
  return {
    reference: '2023-015',
    cpvCode: '34927100',
    label: 'Fourniture de sel',
    holderSiret: buildSiret('55210055', '0001'),
    holderName: 'Salines de l’Est SAS',
    notificationDate: '2023-09-15',
    startDate: '2023-10-01',
    durationMonths: 12,
    renewalCount: 3,
    renewalMonths: 12,
    noticeMonths: 3,
    renewalsUsed: 1,
    amountCents: 4_500_000,
    nature: 'accord_cadre',
    source: 'manual',
    decpId: null,
    ...overrides,
  };
}

export const CD67 = buildOrganization({
  id: 'cd67',
  name: 'Département du Bas-Rhin',
  siret: buildSiret('22670001', '0001'),
  kind: 'departement',
  inseeCode: '67482',
});
export const STRASBOURG = buildOrganization({ id: 'strasbourg', name: 'Ville de Strasbourg', siret: buildSiret('21670482', '0001') });
export const HAGUENAU = buildOrganization({
  id: 'haguenau',
  name: 'Ville de Haguenau',
  siret: buildSiret('21670180', '0001'),
  inseeCode: '67180',
});
