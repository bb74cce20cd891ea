import { buildSiret, type Need, type Organization, type RunningContract, resolveTenderCommission } from '@mutualis/core';
import type { ConventionInput, ConventionParty } from './convention/convention-input';

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
    decpProvenance: [],
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

export const HOSPITAL = {
  id: 'hus',
  name: 'Hôpitaux universitaires de Strasbourg',
  siret: buildSiret('26670017', '0001'),
  kind: 'hospital' as const,
  inseeCode: '67482',
};

function buildParty(overrides: Partial<ConventionParty> & Pick<ConventionParty, 'organization'>): ConventionParty {
  return {
    address: '1 place de l’Étoile',
    signatoryName: 'Mme Claire Martin',
    signatoryTitle: 'Maire',
    deliberation: { body: 'conseil municipal', reference: '2026-041', date: '2026-02-10' },
    estimatedAmountCents: 10_000_000,
    ...overrides,
  };
}

export function buildConventionInput(overrides: Partial<ConventionInput> = {}): ConventionInput {
  const input: Omit<ConventionInput, 'commission'> = {
    name: 'Groupement viabilité hivernale 2026-2029',
    object: 'la fourniture et la livraison de sel de déneigement et de saumure pour les routes et voiries des membres.',
    family: { name: 'Viabilité hivernale', cpvCodes: ['34927100', '44113910'] },
    parties: [
      buildParty({
        organization: CD67,
        address: 'Place du Quartier Blanc',
        signatoryName: 'M. Jean Dupont',
        signatoryTitle: 'Président du conseil départemental',
        deliberation: { body: 'conseil départemental', reference: 'CD-2026-12', date: '2026-01-26' },
        estimatedAmountCents: 30_000_000,
      }),
      buildParty({ organization: STRASBOURG }),
      buildParty({ organization: HAGUENAU, address: '1 place Charles de Gaulle', estimatedAmountCents: 5_000_000 }),
      buildParty({ organization: HOSPITAL, address: '1 place de l’Hôpital', signatoryTitle: 'Directeur général', deliberation: null }),
    ],
    coordinatorIds: [CD67.id],
    mandateScope: 'procedure_signature',
    tenderCommission: 'coordinator',
    isPermanent: true,
    durationMonths: null,
    withdrawalNoticeMonths: 6,
    procedureCostCents: 300_001,
    signaturePlace: 'Strasbourg',
    entries: null,
    ...overrides,
  };
  const commission = resolveTenderCommission({
    members: input.parties.map(({ organization: o }) => ({ organizationId: o.id, name: o.name, kind: o.kind })),
    coordinatorId: input.coordinatorIds[0] ?? '',
    at: '2026-12-06',
  });
  return { ...input, commission: overrides.commission ?? commission };
}
