import type { Competence } from '../domain/types';
import type { LonLat, SourcingFirm, SourcingNeed, SourcingRecipe } from './types';

// Test-data builders (STYLE.md: tests build data, they do not copy literals). Pure, not exported from index.

/** A firm with no product, no competence, a 50 km radius, at Angoulême. */
export function buildSourcingFirm(
  overrides: Partial<Omit<SourcingFirm, 'profile'>> & { profile?: Partial<SourcingFirm['profile']> } = {},
): SourcingFirm {
  const { profile, ...rest } = overrides;
  return {
    id: 'firm-1',
    name: 'Entreprise',
    position: [0.156, 45.649],
    ...rest,
    profile: { competences: [], products: [], deliveryRadiusKm: 50, ...profile },
  };
}

/** A pooled need of 9 000 L of hand sanitiser delivered to Angoulême and Cognac. */
export function buildSourcingNeed(overrides: Partial<SourcingNeed> = {}): SourcingNeed {
  return {
    productCpvCode: '33741300',
    label: 'Gel hydro-alcoolique',
    quantity: 9000,
    unit: 'L',
    deliveryCommunes: ['16015', '16102'],
    ...overrides,
  };
}

/** Hand-rub recipe: 0.8333 L of ethanol and 2 bottles per litre; four competences weighted 2, 2, 3, 1. */
export function buildGelRecipe(overrides: Partial<SourcingRecipe> = {}): SourcingRecipe {
  return {
    productCpvCode: '33741300',
    label: 'Solution hydro-alcoolique (formulation OMS n° 1)',
    unit: 'L',
    inputs: [
      { cpvCode: '24322510', label: 'Éthanol 96 %', quantityPerUnit: 0.8333, unit: 'L' },
      { cpvCode: '39225730', label: 'Flacon 500 mL', quantityPerUnit: 2, unit: 'unit' },
    ],
    competences: [
      { code: 'formulation-liquides', weight: 2 },
      { code: 'melange-cuves', weight: 2 },
      { code: 'conditionnement-flacons', weight: 3 },
      { code: 'bpf-cosmetiques', weight: 1 },
    ],
    ...overrides,
  };
}

export const GEL_COMPETENCES: Competence[] = [
  { code: 'formulation-liquides', labelFr: 'Formulation de liquides', kind: 'process' },
  { code: 'melange-cuves', labelFr: 'Mélange en cuves', kind: 'equipment' },
  { code: 'conditionnement-flacons', labelFr: 'Conditionnement en flacons', kind: 'process' },
  { code: 'bpf-cosmetiques', labelFr: 'BPF cosmétiques', kind: 'skill' },
];

/** Approximate positions of the Charente delivery communes. */
export const CHARENTE_POSITIONS: Record<string, LonLat> = { '16015': [0.156, 45.649], '16102': [-0.329, 45.696] };
