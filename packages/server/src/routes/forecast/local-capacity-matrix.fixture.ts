import { DEFAULT_RECIPES, type Recipe } from '@mutualis/core';
import type { AppTestContext, Persona } from '../../../test/test-app';

// Rows of the route × role matrix (authz/access-matrix.test.ts) for sourcing, lots, forecast and recipes.

interface Row {
  allowed: readonly Persona[];
  prepare(t: AppTestContext): Promise<{ url: string; body?: unknown }>;
}

const EVERYONE: readonly Persona[] = ['anonymous', 'facilitator', 'member', 'supplier', 'observer', 'otherFacilitator', 'admin'];
const ON_A: readonly Persona[] = ['facilitator', 'member', 'supplier', 'observer'];
const LOCAL_READERS: readonly Persona[] = ['facilitator', 'observer'];
/** The de-icing salt opportunity of territory A (buyers A1 and A2). */
const SALT_A = 'famille:fam-salt@territoire';
const SHIPPED_RECIPE = DEFAULT_RECIPES[0]?.id ?? '';

const slugA = (t: AppTestContext) => t.world.territoryA.slug;
const saltA = (t: AppTestContext, suffix: string) => `/api/territories/${slugA(t)}/opportunities/${encodeURIComponent(SALT_A)}/${suffix}`;

/** A valid recipe (a simplified salt recipe), as stored and as a request body. */
const SALT_RECIPE = {
  productCpvCode: '34927100',
  label: 'Sel de déneigement conditionné',
  unit: 't',
  inputs: [{ cpvCode: '14410000', label: 'Sel gemme', quantityPerUnit: 1, unit: 't' }],
  competences: [{ code: 'stockage-vrac', weight: 1 }],
  provenance: 'Recette de test',
} satisfies Omit<Recipe, 'id'>;

export function buildRecipeBody(overrides: Partial<Omit<Recipe, 'id'>> = {}): Omit<Recipe, 'id'> {
  return { ...SALT_RECIPE, ...overrides };
}

async function consultationOfA(t: AppTestContext): Promise<string> {
  const stored = await t.repos.plannedConsultations.insert({
    territoryId: t.world.territoryA.id,
    opportunityId: SALT_A,
    title: 'Sel de déneigement',
    cpvCode: '34927100',
    volume: 100_000,
    unit: 'kg',
    buyerCount: 2,
    lots: [{ id: 'D:67|*', label: 'Bas-Rhin', volume: 100_000, unit: 'kg', siteCodes: ['67482'] }],
    maxLotsPerBidder: null,
    launchDate: '2027-03-01',
    startDate: '2027-09-01',
    notes: '',
  });
  return stored.id;
}

export const LOCAL_CAPACITY_MATRIX_ROWS: Record<string, Row> = {
  'GET /api/needs/:id/sourcing': { allowed: LOCAL_READERS, prepare: async (t) => ({ url: `/api/needs/${t.world.needA1.id}/sourcing` }) },
  'GET /api/territories/:slug/opportunities/:id/sourcing': {
    allowed: LOCAL_READERS,
    prepare: async (t) => ({ url: saltA(t, 'sourcing') }),
  },
  'GET /api/territories/:slug/opportunities/:id/lots': { allowed: LOCAL_READERS, prepare: async (t) => ({ url: saltA(t, 'lots?k=2') }) },
  'GET /api/territories/:slug/firms': { allowed: LOCAL_READERS, prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/firms` }) },
  'GET /api/territories/:slug/local-map': {
    allowed: LOCAL_READERS,
    prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/local-map` }),
  },
  'GET /api/territories/:slug/contacts': {
    allowed: LOCAL_READERS,
    prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/contacts` }),
  },
  'POST /api/territories/:slug/contacts': {
    allowed: ['facilitator'],
    prepare: async (t) => ({
      url: `/api/territories/${slugA(t)}/contacts`,
      body: { firm: t.world.firmA.id, channel: 'telephone', subject: 'Présentation du projet' },
    }),
  },
  'POST /api/territories/:slug/forecast': {
    allowed: ['facilitator'],
    prepare: async (t) => ({
      url: `/api/territories/${slugA(t)}/forecast`,
      body: { opportunityId: SALT_A, launchDate: '2027-03-01', startDate: '2027-09-01' },
    }),
  },
  'GET /api/public/territories/:slug/forecast': {
    allowed: EVERYONE,
    prepare: async (t) => ({ url: `/api/public/territories/${slugA(t)}/forecast` }),
  },
  'GET /api/public/territories/:slug/forecast.csv': {
    allowed: EVERYONE,
    prepare: async (t) => ({ url: `/api/public/territories/${slugA(t)}/forecast.csv` }),
  },
  'GET /api/public/territories/:slug/forecast.ics': {
    allowed: EVERYONE,
    prepare: async (t) => ({ url: `/api/public/territories/${slugA(t)}/forecast.ics` }),
  },
  'POST /api/forecast/:consultationId/interests': {
    allowed: ['supplier'],
    prepare: async (t) => ({
      url: `/api/forecast/${await consultationOfA(t)}/interests`,
      body: { lotId: 'D:67|*', capacity: 50, unit: 't' },
    }),
  },
  'GET /api/forecast/:consultationId/interests': {
    allowed: ['facilitator', 'supplier', 'observer'],
    prepare: async (t) => ({ url: `/api/forecast/${await consultationOfA(t)}/interests` }),
  },
  'GET /api/territories/:slug/recipes': { allowed: ON_A, prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/recipes` }) },
  'POST /api/territories/:slug/recipes': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/recipes`, body: buildRecipeBody() }),
  },
  'PUT /api/territories/:slug/recipes/:id': {
    allowed: ['facilitator'],
    prepare: async (t) => ({
      url: `/api/territories/${slugA(t)}/recipes/${SHIPPED_RECIPE}`,
      body: buildRecipeBody({ productCpvCode: '33741300' }),
    }),
  },
  'DELETE /api/territories/:slug/recipes/:id': {
    allowed: ['facilitator'],
    prepare: async (t) => {
      const stored = await t.repos.recipes.upsert(t.world.territoryA.id, {
        id: `recipe-test-${crypto.randomUUID()}`,
        ...buildRecipeBody(),
      });
      return { url: `/api/territories/${slugA(t)}/recipes/${stored.id}` };
    },
  },
};
