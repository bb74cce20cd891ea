import type { NeedStatus } from '@mutualis/core';
import { describe, expect, it } from 'vitest';
import {
  buildCompetence,
  buildFamily,
  buildGroupement,
  buildNeed,
  buildOrganization,
  buildRunningContract,
  CPV,
  uniqueSiret,
} from '../../../db/test/dialects';
import { censusCsv, multipartFile } from '../../test/census-files';
import { LOCAL_CAPACITY_MATRIX_ROWS } from '../routes/forecast/local-capacity-matrix.fixture';
import { ADMIN_ROUTES, TERRITORY_SETUP_MATRIX_ROWS } from '../routes/accounts/territory-setup-matrix.fixture';
import { LIFECYCLE_MATRIX_ROWS } from '../routes/lifecycle/lifecycle-matrix.fixture';
import { OBSERVATORY_MATRIX_ROWS } from '../routes/observatory/observatory-matrix.fixture';
import { MEMBERSHIP_MATRIX_ROWS } from '../routes/membership/membership-matrix.fixture';
import { type AppTestContext, clientFor, describeApp, logIn, PERSONAS, type Persona } from '../../test/test-app';

interface Prepared {
  url: string;
  body?: unknown;
  /** For uploads: the multipart content type (the body is then the raw payload). */
  headers?: Record<string, string>;
}

/** One row of the matrix: who may call the route, and how to build a request that would succeed. */
interface MatrixEntry {
  allowed: readonly Persona[];
  prepare(t: AppTestContext): Prepared | Promise<Prepared>;
  /** Log in anew for this request (logout ends the persona's shared session otherwise). */
  freshSession?: boolean;
  /** The status an allowed caller gets when it is not a success (a state conflict after access control passed). */
  allowedStatus?: number;
}

const LOGGED: readonly Persona[] = ['facilitator', 'member', 'supplier', 'observer', 'otherFacilitator', 'admin'];
const EVERYONE: readonly Persona[] = ['anonymous', ...LOGGED];
const ON_A: readonly Persona[] = ['facilitator', 'member', 'supplier', 'observer'];
const BUYERS_READ: readonly Persona[] = ['facilitator', 'member', 'observer'];
const BUYERS_WRITE: readonly Persona[] = ['facilitator', 'member'];
const FACILITATORS: readonly Persona[] = ['facilitator', 'otherFacilitator'];

const slugA = (t: AppTestContext) => t.world.territoryA.slug;
const newNeedOfA1 = (t: AppTestContext, status: NeedStatus = 'confirmed') =>
  t.repos.needs.insert(buildNeed({ organizationId: t.world.buyerA1.id, status }));
/** The de-icing salt opportunity of territory A (buyers A1 and A2), URL-encoded. */
const SALT_A = encodeURIComponent('famille:fam-salt@territoire');
const newFamilyOfA = (t: AppTestContext) => t.repos.families.insert(buildFamily({ territoryId: t.world.territoryA.id }));
const newCompetenceOfA = (t: AppTestContext) => t.repos.competences.insert(buildCompetence(), t.world.territoryA.id);
const newContractOfA1 = (t: AppTestContext) =>
  t.repos.runningContracts.insert(buildRunningContract({ organizationId: t.world.buyerA1.id }));

const GROUPEMENT_READERS: readonly Persona[] = ['facilitator', 'member'];
/** A draft groupement of territory A whose members are A1 (the member's) and A2. */
const newGroupementOfA = (t: AppTestContext) =>
  t.repos.groupements.insert(
    buildGroupement({
      territoryId: t.world.territoryA.id,
      familyId: 'fam-salt',
      memberIds: [t.world.buyerA1.id, t.world.buyerA2.id],
      coordinatorIds: [t.world.buyerA2.id],
    }),
  );
/** An import of territory A in `status`: a DECP one, or with `censusOf` a census of that organization. */
const newImportOfA = async (t: AppTestContext, status: 'previewed' | 'done', censusOf?: string) =>
  (
    await t.repos.imports.insert({
      territoryId: t.world.territoryA.id,
      kind: censusOf === undefined ? 'decp' : 'census',
      status,
      userId: null,
      actor: 'test',
      fileNames: ['f.json'],
      options: {
        files: [],
        scope: { departements: [], includeOutside: false },
        ...(censusOf === undefined ? {} : { census: { organizationId: censusOf, mode: 'dry_run' } }),
      },
      runner: null,
      now: new Date().toISOString(),
    })
  ).id;
const groupementUrl = async (t: AppTestContext, suffix = '') => ({ url: `/api/groupements/${(await newGroupementOfA(t)).id}${suffix}` });
const upload = (url: string, fileName: string, content: Buffer): Prepared => {
  const { payload, headers } = multipartFile(fileName, content);
  return { url, body: payload, headers };
};

/** Census files, exports, groupements, DECP upload and open data (issue 4). */
const FILE_ROUTES: Record<string, MatrixEntry> = {
  'GET /api/territories/:slug/census/template.xlsx': {
    allowed: BUYERS_READ,
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/census/template.xlsx` }),
  },
  'POST /api/organizations/:id/needs/import': {
    allowed: BUYERS_WRITE,
    prepare: (t) => upload(`/api/organizations/${t.world.buyerA1.id}/needs/import`, 'r.csv', censusCsv([{ siret: t.world.buyerA1.siret }])),
  },
  'GET /api/territories/:slug/needs.xlsx': { allowed: BUYERS_READ, prepare: (t) => ({ url: `/api/territories/${slugA(t)}/needs.xlsx` }) },
  'GET /api/territories/:slug/needs.csv': { allowed: BUYERS_READ, prepare: (t) => ({ url: `/api/territories/${slugA(t)}/needs.csv` }) },
  'GET /api/territories/:slug/opportunities.xlsx': {
    allowed: BUYERS_READ,
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/opportunities.xlsx` }),
  },
  'POST /api/territories/:slug/groupements': {
    allowed: ['facilitator'],
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/groupements`, body: { opportunityId: 'famille:fam-salt@territoire' } }),
  },
  'GET /api/territories/:slug/groupements': {
    allowed: GROUPEMENT_READERS,
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/groupements` }),
  },
  'GET /api/groupements/:id': { allowed: GROUPEMENT_READERS, prepare: (t) => groupementUrl(t) },
  'PATCH /api/groupements/:id': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ ...(await groupementUrl(t)), body: { name: 'Groupement renommé' } }),
  },
  'GET /api/groupements/:id/convention.docx': { allowed: GROUPEMENT_READERS, prepare: (t) => groupementUrl(t, '/convention.docx') },
  'GET /api/groupements/:id/convention.pdf': { allowed: GROUPEMENT_READERS, prepare: (t) => groupementUrl(t, '/convention.pdf') },
  // Issue 17 §1: the member's own assembly pack (A1, the member's organization; A2 coordinates).
  'GET /api/groupements/:id/members/:orgId/assembly-pack.docx': {
    allowed: GROUPEMENT_READERS,
    prepare: (t) => groupementUrl(t, `/members/${t.world.buyerA1.id}/assembly-pack.docx`),
  },
  'GET /api/groupements/:id/members/:orgId/assembly-pack.pdf': {
    allowed: GROUPEMENT_READERS,
    prepare: (t) => groupementUrl(t, `/members/${t.world.buyerA1.id}/assembly-pack.pdf`),
  },
  'GET /api/groupements/:id/file.xlsx': { allowed: GROUPEMENT_READERS, prepare: (t) => groupementUrl(t, '/file.xlsx') },
  'GET /api/territories/:slug/decp-flags': {
    allowed: ['facilitator', 'observer'],
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/decp-flags` }),
  },
  'POST /api/contracts/:id/decp-flags/confirm': {
    allowed: ['facilitator'],
    prepare: async (t) => {
      const flagged = await t.repos.runningContracts.insert(
        buildRunningContract({
          organizationId: t.world.buyerA1.id,
          cpvCode: '90910000',
          decpFlags: [{ code: 'cpv_2003', value: '90910000', published: '74700000' }],
        }),
      );
      return { url: `/api/contracts/${flagged.id}/decp-flags/confirm`, body: { codes: ['cpv_2003'] } };
    },
  },
  'GET /api/territories/:slug/buyer-names': {
    allowed: ['facilitator', 'observer'],
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/buyer-names` }),
  },
  'POST /api/organizations/:id/name-review': {
    allowed: ['facilitator'],
    prepare: (t) => ({ url: `/api/organizations/${t.world.buyerA1.id}/name-review`, body: {} }),
  },
  'POST /api/territories/:slug/imports/decp': {
    allowed: ['facilitator'],
    prepare: (t) => upload(`/api/territories/${slugA(t)}/imports/decp`, 'vide.json', Buffer.from('{"marches":[]}')),
  },
  'GET /api/territories/:slug/imports': { allowed: ['facilitator'], prepare: (t) => ({ url: `/api/territories/${slugA(t)}/imports` }) },
  'GET /api/territories/:slug/imports/:importId': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/imports/${await newImportOfA(t, 'done')}` }),
  },
  'POST /api/territories/:slug/imports/:importId/preview': {
    allowed: ['facilitator'],
    prepare: async (t) => ({
      url: `/api/territories/${slugA(t)}/imports/${await newImportOfA(t, 'previewed')}/preview`,
      body: { scope: { departements: ['67'], includeOutside: false } },
    }),
  },
  'POST /api/territories/:slug/imports/:importId/confirm': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/imports/${await newImportOfA(t, 'previewed')}/confirm`, body: {} }),
  },
  'POST /api/territories/:slug/imports/:importId/undo': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/imports/${await newImportOfA(t, 'done')}/undo` }),
  },
  'GET /api/organizations/:id/imports/:importId': {
    allowed: BUYERS_READ,
    prepare: async (t) => ({
      url: `/api/organizations/${t.world.buyerA1.id}/imports/${await newImportOfA(t, 'done', t.world.buyerA1.id)}`,
    }),
  },
  'POST /api/organizations/:id/imports/:importId/confirm': {
    allowed: BUYERS_WRITE,
    prepare: async (t) => ({
      url: `/api/organizations/${t.world.buyerA1.id}/imports/${await newImportOfA(t, 'previewed', t.world.buyerA1.id)}/confirm?accept=valid`,
    }),
  },
  'POST /api/organizations/:id/imports/:importId/undo': {
    allowed: BUYERS_WRITE,
    prepare: async (t) => ({
      url: `/api/organizations/${t.world.buyerA1.id}/imports/${await newImportOfA(t, 'done', t.world.buyerA1.id)}/undo`,
    }),
  },
  'POST /api/needs/:id/confirm': {
    allowed: BUYERS_WRITE,
    prepare: async (t) => ({ url: `/api/needs/${(await newNeedOfA1(t, 'proposed')).id}/confirm` }),
  },
  'POST /api/needs/:id/reject': {
    allowed: BUYERS_WRITE,
    prepare: async (t) => ({ url: `/api/needs/${(await newNeedOfA1(t, 'proposed')).id}/reject` }),
  },
  'GET /api/territories/:slug/ocds.json': { allowed: ON_A, prepare: (t) => ({ url: `/api/territories/${slugA(t)}/ocds.json` }) },
  'GET /api/territories/:slug/decp.json': { allowed: ON_A, prepare: (t) => ({ url: `/api/territories/${slugA(t)}/decp.json` }) },
};

/**
 * The route × role matrix: every registered route must appear here (the first test fails
 * otherwise). Denials are 401 for anonymous callers, 404 outside the caller's territories
 * (the other territory's facilitator) and 403 inside.
 */
const MATRIX: Record<string, MatrixEntry> = {
  'GET /api/docs': { allowed: EVERYONE, prepare: () => ({ url: '/api/docs' }) },
  'GET /api/docs/static/index.html': { allowed: EVERYONE, prepare: () => ({ url: '/api/docs/static/index.html' }) },
  'GET /api/docs/static/swagger-initializer.js': { allowed: EVERYONE, prepare: () => ({ url: '/api/docs/static/swagger-initializer.js' }) },
  'GET /api/docs/json': { allowed: EVERYONE, prepare: () => ({ url: '/api/docs/json' }) },
  'GET /api/docs/yaml': { allowed: EVERYONE, prepare: () => ({ url: '/api/docs/yaml' }) },
  'GET /api/docs/static/*': { allowed: EVERYONE, prepare: () => ({ url: '/api/docs/static/swagger-ui.css' }) },
  'HEAD /api/docs/static/*': { allowed: EVERYONE, prepare: () => ({ url: '/api/docs/static/swagger-ui.css' }) },
  'GET /api/health': { allowed: EVERYONE, prepare: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': {
    allowed: EVERYONE,
    prepare: (t) => ({ url: '/api/auth/login', body: { email: t.world.emails.observer, password: 'mot-de-passe-de-test' } }),
  },
  'POST /api/auth/logout': { allowed: LOGGED, freshSession: true, prepare: () => ({ url: '/api/auth/logout', body: {} }) },
  'GET /api/auth/me': { allowed: LOGGED, prepare: () => ({ url: '/api/auth/me' }) },
  'GET /api/territories': { allowed: LOGGED, prepare: () => ({ url: '/api/territories' }) },
  'GET /api/territories/:slug': { allowed: ON_A, prepare: (t) => ({ url: `/api/territories/${slugA(t)}` }) },
  'GET /api/territories/:slug/overview': { allowed: BUYERS_READ, prepare: (t) => ({ url: `/api/territories/${slugA(t)}/overview` }) },
  'GET /api/organizations': { allowed: ON_A, prepare: (t) => ({ url: `/api/organizations?territory=${slugA(t)}` }) },
  'POST /api/organizations': {
    allowed: ['facilitator'],
    prepare: (t) => ({
      url: '/api/organizations',
      body: { territory: slugA(t), name: 'Commune nouvelle', siret: uniqueSiret(), kind: 'commune', inseeCode: '67482' },
    }),
  },
  'GET /api/organizations/:id': { allowed: ON_A, prepare: (t) => ({ url: `/api/organizations/${t.world.buyerA2.id}` }) },
  'PATCH /api/organizations/:id': {
    allowed: ['facilitator'],
    prepare: (t) => ({ url: `/api/organizations/${t.world.buyerA2.id}`, body: { name: 'Ville renommée' } }),
  },
  'DELETE /api/organizations/:id': {
    allowed: ['facilitator'],
    prepare: async (t) => {
      const organization = await t.repos.organizations.insert(buildOrganization());
      await t.repos.memberships.add(t.world.territoryA.id, organization.id);
      return { url: `/api/organizations/${organization.id}` };
    },
  },
  'GET /api/needs': { allowed: BUYERS_READ, prepare: (t) => ({ url: `/api/needs?territory=${slugA(t)}` }) },
  'POST /api/needs': {
    allowed: BUYERS_WRITE,
    prepare: (t) => ({
      url: '/api/needs',
      body: { organizationId: t.world.buyerA1.id, cpvCode: CPV.paper, label: 'Papier', annualAmountCents: 100 },
    }),
  },
  'GET /api/needs/:id': { allowed: BUYERS_READ, prepare: (t) => ({ url: `/api/needs/${t.world.needA1.id}` }) },
  'PATCH /api/needs/:id': { allowed: BUYERS_WRITE, prepare: (t) => ({ url: `/api/needs/${t.world.needA1.id}`, body: { label: 'Sel' } }) },
  'DELETE /api/needs/:id': { allowed: BUYERS_WRITE, prepare: async (t) => ({ url: `/api/needs/${(await newNeedOfA1(t)).id}` }) },
  'GET /api/contracts': { allowed: BUYERS_READ, prepare: (t) => ({ url: `/api/contracts?territory=${slugA(t)}` }) },
  'POST /api/contracts': {
    allowed: BUYERS_WRITE,
    prepare: (t) => ({
      url: '/api/contracts',
      body: {
        organizationId: t.world.buyerA1.id,
        reference: 'M-1',
        cpvCode: CPV.paper,
        label: 'Papier',
        startDate: '2025-01-01',
        durationMonths: 12,
      },
    }),
  },
  'GET /api/contracts/:id': { allowed: BUYERS_READ, prepare: (t) => ({ url: `/api/contracts/${t.world.contractA1.id}` }) },
  'PATCH /api/contracts/:id': {
    allowed: BUYERS_WRITE,
    prepare: (t) => ({ url: `/api/contracts/${t.world.contractA1.id}`, body: { noticeMonths: 4 } }),
  },
  'DELETE /api/contracts/:id': {
    allowed: BUYERS_WRITE,
    prepare: async (t) => ({ url: `/api/contracts/${(await newContractOfA1(t)).id}` }),
  },
  'GET /api/suppliers': { allowed: ON_A, prepare: (t) => ({ url: `/api/suppliers?territory=${slugA(t)}` }) },
  'GET /api/suppliers/:organizationId': { allowed: ON_A, prepare: (t) => ({ url: `/api/suppliers/${t.world.firmA.id}` }) },
  'PUT /api/suppliers/:organizationId': {
    allowed: ['facilitator', 'supplier'],
    prepare: (t) => ({
      url: `/api/suppliers/${t.world.firmA.id}`,
      body: {
        nafCodes: ['22.22Z'],
        competences: [t.world.competenceCode],
        products: [],
        deliveryRadiusKm: 100,
        certifications: [],
        isSme: true,
        description: '',
      },
    }),
  },
  'GET /api/reference/cpv': { allowed: LOGGED, prepare: () => ({ url: '/api/reference/cpv?q=papier' }) },
  'GET /api/reference/communes': { allowed: LOGGED, prepare: () => ({ url: '/api/reference/communes?q=strasbourg' }) },
  'GET /api/reference/naf': { allowed: LOGGED, prepare: () => ({ url: '/api/reference/naf?q=boulangerie' }) },
  'GET /api/competences': { allowed: LOGGED, prepare: () => ({ url: '/api/competences' }) },
  'POST /api/competences': {
    allowed: FACILITATORS,
    prepare: () => ({ url: '/api/competences', body: { ...buildCompetence(), code: `c-${uniqueSiret()}` } }),
  },
  // A competence of territory A: its facilitator only (shared ones are read-only, competences-routes.test.ts).
  'PUT /api/competences/:code': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/competences/${(await newCompetenceOfA(t)).code}`, body: { labelFr: 'Soudure', kind: 'skill' } }),
  },
  'DELETE /api/competences/:code': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/competences/${(await newCompetenceOfA(t)).code}` }),
  },
  'GET /api/territories/:slug/opportunities': {
    allowed: BUYERS_READ,
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/opportunities` }),
  },
  'GET /api/territories/:slug/opportunities/:id': {
    allowed: BUYERS_READ,
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/opportunities/${SALT_A}` }),
  },
  'POST /api/territories/:slug/opportunities/:id/scenario': {
    allowed: BUYERS_WRITE,
    prepare: (t) => ({
      url: `/api/territories/${slugA(t)}/opportunities/${SALT_A}/scenario`,
      body: { postpone: [{ organizationId: t.world.buyerA2.id, months: 3 }] },
    }),
  },
  // Issue 17 §2–3: the consultation skeleton and the R2122-1 explanation, read with the local chain.
  'GET /api/territories/:slug/opportunities/:id/consultation.docx': {
    allowed: ['facilitator', 'observer'],
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/opportunities/${SALT_A}/consultation.docx` }),
  },
  'GET /api/territories/:slug/opportunities/:id/urgency': {
    allowed: ['facilitator', 'observer'],
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/opportunities/${SALT_A}/urgency` }),
  },
  // Issue 17 §3: the facilitator's stored urgent mark (read by the local chain's readers).
  'GET /api/territories/:slug/opportunities/:id/urgency-mark': {
    allowed: ['facilitator', 'observer'],
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/opportunities/${SALT_A}/urgency-mark` }),
  },
  'PUT /api/territories/:slug/opportunities/:id/urgency-mark': {
    allowed: ['facilitator'],
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/opportunities/${SALT_A}/urgency-mark`, body: { isUrgent: false } }),
  },
  'GET /api/territories/:slug/coordinators': {
    allowed: BUYERS_READ,
    prepare: (t) => ({ url: `/api/territories/${slugA(t)}/coordinators` }),
  },
  'PUT /api/territories/:slug/coordinators/overrides': {
    allowed: ['facilitator'],
    prepare: (t) => ({
      url: `/api/territories/${slugA(t)}/coordinators/overrides`,
      body: { familyKey: 'famille:fam-salt', organizationId: null },
    }),
  },
  'GET /api/territories/:slug/families': { allowed: ON_A, prepare: (t) => ({ url: `/api/territories/${slugA(t)}/families` }) },
  'POST /api/territories/:slug/families': {
    allowed: ['facilitator'],
    prepare: (t) => {
      const { name, cpvCodes, keywords, elasticity } = buildFamily();
      return { url: `/api/territories/${slugA(t)}/families`, body: { name, cpvCodes, keywords, elasticity } };
    },
  },
  'PUT /api/territories/:slug/families/:id': {
    allowed: ['facilitator'],
    prepare: async (t) => ({
      url: `/api/territories/${slugA(t)}/families/${(await newFamilyOfA(t)).id}`,
      body: { name: 'Famille renommée' },
    }),
  },
  'DELETE /api/territories/:slug/families/:id': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/territories/${slugA(t)}/families/${(await newFamilyOfA(t)).id}` }),
  },
  ...FILE_ROUTES,
  ...LIFECYCLE_MATRIX_ROWS,
  ...LOCAL_CAPACITY_MATRIX_ROWS,
  ...OBSERVATORY_MATRIX_ROWS,
  ...MEMBERSHIP_MATRIX_ROWS,
  ...TERRITORY_SETUP_MATRIX_ROWS,
};

function deniedStatus(persona: Persona, route: string): number {
  if (persona === 'anonymous') return 401;
  // Outside the caller's territories (the other territory's facilitator, an administrator without territory role): 404.
  if ((persona === 'otherFacilitator' || persona === 'admin') && !ADMIN_ROUTES.has(route)) return 404;
  return 403;
}

describeApp(
  'route × role matrix',
  (t) => {
    it('has one matrix row for every registered route, and no row for a route that does not exist', () => {
      const registered = t.app.routeAccess.map((r) => `${r.method} ${r.url}`).sort();
      expect(Object.keys(MATRIX).sort()).toEqual(registered);
    });

    describe.each(Object.entries(MATRIX))('%s', (route, entry) => {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      it.each(PERSONAS)('as %s', async (persona) => {
        const { url, body, headers } = await entry.prepare(t);
        const cookie = entry.freshSession && persona !== 'anonymous' ? await logIn(t.app, t.world.emails[persona]) : undefined;
        const client = cookie
          ? clientFor(
              () => t.app,
              () => cookie,
            )
          : t.as(persona);
        const response = await client.request(method, url, body, headers);
        if (entry.allowed.includes(persona) && entry.allowedStatus !== undefined) {
          expect(response.statusCode, response.body).toBe(entry.allowedStatus);
        } else if (entry.allowed.includes(persona)) {
          expect(response.statusCode, response.body).toBeLessThan(400);
        } else {
          expect(response.statusCode, response.body).toBe(deniedStatus(persona, route));
        }
      });
    });
  },
  { sqliteOnly: true },
);
