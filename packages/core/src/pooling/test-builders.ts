import type { Need, Organization, PurchaseFamily, RunningContract, Territory } from '../domain/types';
import { buildSiret } from '../identity/siret';
import type { AnalysisInput } from './analysis-input';

/** Test builder: an organization; `sirenPrefix` (8 digits) and `nic` shape its SIRET (same prefix = same body). */
export function buildOrganization(overrides: Partial<Organization> & { id: string; sirenPrefix?: string; nic?: string }): Organization {
  const { sirenPrefix, nic, ...rest } = overrides;
  // Distinct ids give distinct SIRENs (a small string hash), unless `sirenPrefix` says otherwise.
  const hash = [...overrides.id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000, 7);
  const digits = String(hash).padStart(6, '0');
  return {
    name: `Organisation ${overrides.id}`,
    siret: buildSiret(sirenPrefix ?? `21${digits}`, nic ?? '0010'),
    kind: 'commune',
    inseeCode: '67482',
    departementCode: '67',
    regionCode: '44',
    epciSiren: '246700488',
    isDemo: true,
    ...rest,
  };
}

/** Test builder: a confirmed need of 1 000 € a year in CPV 34927100 (road salt) unless overridden. */
export function buildNeed(overrides: Partial<Need> & { id: string; organizationId: string }): Need {
  return {
    cpvCode: '34927100',
    label: 'Sel de déneigement',
    quantity: null,
    unit: null,
    unitsPerPack: null,
    unitPriceCents: null,
    annualAmountCents: 100_000,
    amountIsDerived: false,
    deliveryCommunes: [],
    csrRequirements: [],
    qualityRequirements: '',
    confidence: 'firm',
    status: 'confirmed',
    source: 'manual',
    sourceRef: null,
    ...overrides,
  };
}

/** Test builder: a 1-year contract renewable 3 times with 3 months' notice. */
export function buildContract(
  overrides: Partial<RunningContract> & { id: string; organizationId: string; startDate: string },
): RunningContract {
  return {
    reference: `M-${overrides.id}`,
    cpvCode: '34927100',
    label: 'Sel de déneigement',
    holderSiret: null,
    holderName: null,
    notificationDate: null,
    durationMonths: 12,
    renewalCount: 3,
    renewalMonths: 12,
    noticeMonths: 3,
    renewalsUsed: 0,
    amountCents: null,
    nature: 'accord_cadre',
    source: 'manual',
    decpId: null,
    decpProvenance: [],
    ...overrides,
  };
}

/** Test builder: a user-defined purchase family. */
export function buildFamily(overrides: Partial<PurchaseFamily> & { id: string }): PurchaseFamily {
  return {
    territoryId: null,
    name: `Famille ${overrides.id}`,
    cpvCodes: [],
    keywords: [],
    elasticity: { low: 0, central: 0.05, high: 0.1, provenance: 'test' },
    ...overrides,
  };
}

/** Test builder: a territory pooling per département unless overridden. */
export function buildTerritory(overrides: Partial<Territory> = {}): Territory {
  return { id: 't1', slug: 'alsace', name: 'Alsace', poolingScope: { kind: 'departement' }, isDemo: true, ...overrides };
}

/** Test builder: an analysis input on 2026-01-15. */
export function buildInput(overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    territory: buildTerritory(),
    organizations: [],
    needs: [],
    runningContracts: [],
    families: [],
    now: '2026-01-15',
    confirmedOnly: false,
    ...overrides,
  };
}
