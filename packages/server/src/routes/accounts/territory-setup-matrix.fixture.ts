import { uniqueSiret } from '../../../../db/test/dialects';
import { multipartFile } from '../../../test/census-files';
import {
  addAccount,
  addAccountRequest,
  addLink,
  closeOpenCampaign,
  contractsCsv,
  ensureOpenCampaign,
  uniqueEmail,
} from '../../../test/setup-helpers';
import type { AppTestContext, Persona } from '../../../test/test-app';

// Rows of the route × role matrix (authz/access-matrix.test.ts) for the territory set-up from the browser (issue 16 §2).

interface Row {
  allowed: readonly Persona[];
  prepare(t: AppTestContext): Promise<{ url: string; body?: unknown; headers?: Record<string, string> }>;
  /** The status an allowed caller gets when it is not a success (a state conflict after access control passed). */
  allowedStatus?: number;
}

const EVERYONE: readonly Persona[] = ['anonymous', 'facilitator', 'member', 'supplier', 'observer', 'otherFacilitator', 'admin'];
const ADMINS: readonly Persona[] = ['admin'];
const FACILITATOR: readonly Persona[] = ['facilitator'];
const OWN_ORGANIZATION: readonly Persona[] = ['facilitator', 'member'];
const BUYERS_READ: readonly Persona[] = ['facilitator', 'member', 'observer'];

const slugA = (t: AppTestContext) => t.world.territoryA.slug;
const territoryA = (t: AppTestContext) => `/api/territories/${slugA(t)}`;
const buyerA1 = (t: AppTestContext) => `/api/organizations/${t.world.buyerA1.id}`;
const memberOfA1 = (t: AppTestContext) =>
  addAccount(t.repos, [{ role: 'member', territoryId: t.world.territoryA.id, organizationId: t.world.buyerA1.id }]);

/** Routes that only instance administrators may call: other personas get 403, not 404. */
export const ADMIN_ROUTES = new Set([
  'GET /api/admin/territories',
  'POST /api/admin/territories',
  'POST /api/admin/territories/:slug/facilitators',
  'POST /api/admin/users/:userId/link',
]);

export const TERRITORY_SETUP_MATRIX_ROWS: Record<string, Row> = {
  'POST /api/auth/links/inspect': {
    allowed: EVERYONE,
    prepare: async (t) => ({
      url: '/api/auth/links/inspect',
      body: { token: await addLink(t.repos, (await memberOfA1(t)).id, 'invitation') },
    }),
  },
  'POST /api/auth/password': {
    allowed: EVERYONE,
    prepare: async (t) => ({
      url: '/api/auth/password',
      body: { token: await addLink(t.repos, (await memberOfA1(t)).id, 'invitation'), password: 'une phrase de passe longue' },
    }),
  },
  'POST /api/auth/password-reset': {
    allowed: EVERYONE,
    prepare: async () => ({ url: '/api/auth/password-reset', body: { email: uniqueEmail() } }),
  },
  // The world has an administrator: the set-up link is accepted by access control, then refused as a conflict.
  'POST /api/setup/administrator': {
    allowed: EVERYONE,
    allowedStatus: 409,
    prepare: async (t) => ({
      url: '/api/setup/administrator',
      body: {
        token: await addLink(t.repos, null, 'setup'),
        email: uniqueEmail('admin'),
        name: 'Alix Admin',
        password: 'une phrase de passe longue',
      },
    }),
  },
  'GET /api/admin/territories': { allowed: ADMINS, prepare: async () => ({ url: '/api/admin/territories' }) },
  'POST /api/admin/territories': {
    allowed: ADMINS,
    prepare: async () => ({ url: '/api/admin/territories', body: { name: 'Territoire de test', slug: `t-${uniqueSiret()}` } }),
  },
  'POST /api/admin/territories/:slug/facilitators': {
    allowed: ADMINS,
    prepare: async (t) => ({
      url: `/api/admin/territories/${slugA(t)}/facilitators`,
      body: { email: uniqueEmail(), name: 'Camille Animatrice' },
    }),
  },
  'POST /api/admin/users/:userId/link': {
    allowed: ADMINS,
    prepare: async (t) => ({ url: `/api/admin/users/${(await memberOfA1(t)).id}/link`, body: {} }),
  },
  'GET /api/territories/:slug/users': { allowed: FACILITATOR, prepare: async (t) => ({ url: `${territoryA(t)}/users` }) },
  'POST /api/territories/:slug/users': {
    allowed: FACILITATOR,
    prepare: async (t) => ({
      url: `${territoryA(t)}/users`,
      body: { email: uniqueEmail(), name: 'Paul Acheteur', role: 'member', organizationId: t.world.buyerA2.id },
    }),
  },
  'POST /api/territories/:slug/users/:userId/link': {
    allowed: FACILITATOR,
    prepare: async (t) => ({ url: `${territoryA(t)}/users/${(await memberOfA1(t)).id}/link`, body: {} }),
  },
  'DELETE /api/territories/:slug/users/:userId': {
    allowed: FACILITATOR,
    prepare: async (t) => ({ url: `${territoryA(t)}/users/${(await memberOfA1(t)).id}` }),
  },
  'GET /api/organizations/:id/users': { allowed: OWN_ORGANIZATION, prepare: async (t) => ({ url: `${buyerA1(t)}/users` }) },
  'POST /api/organizations/:id/users': {
    allowed: OWN_ORGANIZATION,
    prepare: async (t) => ({ url: `${buyerA1(t)}/users`, body: { email: uniqueEmail(), name: 'Léa Collègue' } }),
  },
  'POST /api/organizations/:id/users/:userId/link': {
    allowed: OWN_ORGANIZATION,
    prepare: async (t) => ({ url: `${buyerA1(t)}/users/${(await memberOfA1(t)).id}/link`, body: {} }),
  },
  'DELETE /api/organizations/:id/users/:userId': {
    allowed: OWN_ORGANIZATION,
    prepare: async (t) => ({ url: `${buyerA1(t)}/users/${(await memberOfA1(t)).id}` }),
  },
  'POST /api/public/territories/:slug/account-requests': {
    allowed: EVERYONE,
    prepare: async (t) => {
      const body = { siret: uniqueSiret(), organizationName: 'Distillerie du Ried', inseeCode: '67482', contactName: 'Hugo Distillateur' };
      return { url: `/api/public/territories/${slugA(t)}/account-requests`, body: { ...body, email: uniqueEmail('firme') } };
    },
  },
  'GET /api/public/reference/communes': { allowed: EVERYONE, prepare: async () => ({ url: '/api/public/reference/communes?q=angoul' }) },
  'GET /api/territories/:slug/account-requests': {
    allowed: FACILITATOR,
    prepare: async (t) => ({ url: `${territoryA(t)}/account-requests` }),
  },
  'POST /api/territories/:slug/account-requests/:id/decision': {
    allowed: FACILITATOR,
    prepare: async (t) => ({
      url: `${territoryA(t)}/account-requests/${(await addAccountRequest(t.repos, t.world.territoryA.id)).id}/decision`,
      body: { decision: 'reject', note: 'Hors du territoire' },
    }),
  },
  'GET /api/territories/:slug/census-campaign': {
    allowed: BUYERS_READ,
    prepare: async (t) => ({ url: `${territoryA(t)}/census-campaign` }),
  },
  'POST /api/territories/:slug/census-campaigns': {
    allowed: FACILITATOR,
    prepare: async (t) => {
      await closeOpenCampaign(t.repos, t.world.territoryA.id);
      return {
        url: `${territoryA(t)}/census-campaigns`,
        body: { title: 'Recensement 2027', deadline: '2099-01-31', familyIds: ['fam-salt'] },
      };
    },
  },
  'POST /api/territories/:slug/census-campaign/close': {
    allowed: FACILITATOR,
    prepare: async (t) => {
      await ensureOpenCampaign(t.repos, t.world.territoryA.id);
      return { url: `${territoryA(t)}/census-campaign/close`, body: {} };
    },
  },
  'POST /api/territories/:slug/census-campaign/reminders': {
    allowed: FACILITATOR,
    prepare: async (t) => {
      await ensureOpenCampaign(t.repos, t.world.territoryA.id);
      return { url: `${territoryA(t)}/census-campaign/reminders`, body: {} };
    },
  },
  'POST /api/territories/:slug/census-campaign/responses': {
    allowed: OWN_ORGANIZATION,
    prepare: async (t) => {
      await ensureOpenCampaign(t.repos, t.world.territoryA.id);
      return { url: `${territoryA(t)}/census-campaign/responses`, body: { organizationId: t.world.buyerA1.id } };
    },
  },
  'DELETE /api/territories/:slug/census-campaign/responses/:organizationId': {
    allowed: OWN_ORGANIZATION,
    prepare: async (t) => {
      await ensureOpenCampaign(t.repos, t.world.territoryA.id);
      return { url: `${territoryA(t)}/census-campaign/responses/${t.world.buyerA1.id}` };
    },
  },
  'POST /api/organizations/:id/contracts/import': {
    allowed: OWN_ORGANIZATION,
    prepare: async (t) => {
      const { payload, headers } = multipartFile('contrats.csv', contractsCsv([{ siret: t.world.buyerA1.siret }]));
      return { url: `${buyerA1(t)}/contracts/import`, body: payload, headers };
    },
  },
  'GET /api/territories/:slug/next-steps': { allowed: FACILITATOR, prepare: async (t) => ({ url: `${territoryA(t)}/next-steps` }) },
  'GET /api/organizations/:id/agenda': { allowed: BUYERS_READ, prepare: async (t) => ({ url: `${buyerA1(t)}/agenda` }) },
};
