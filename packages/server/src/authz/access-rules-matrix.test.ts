import { describe, expect, it } from 'vitest';
import { buildGroupement, buildOrganization } from '../../../db/test/dialects';
import { multipartFile } from '../../test/census-files';
import { type AppTestContext, describeApp, PERSONAS, type Persona } from '../../test/test-app';
import { groupementAt } from '../routes/lifecycle/lifecycle-matrix.fixture';

/**
 * The membership and consumption rules, route × role: the same routes as the matrix, called in the
 * situations the rules are about (a removed member adding itself back, a coordinator deciding
 * admissions where the convention gives them to it, lines of another member). Denials as in the
 * matrix: 401 anonymous, 404 another territory's facilitator or an administrator without territory role, 403 inside.
 */

interface Prepared {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RuleRow {
  method: 'GET' | 'POST' | 'PATCH';
  allowed: readonly Persona[];
  prepare(t: AppTestContext): Promise<Prepared>;
}

const newcomerOfA = async (t: AppTestContext) => {
  const organization = await t.repos.organizations.insert(buildOrganization());
  await t.repos.memberships.add(t.world.territoryA.id, organization.id);
  return organization.id;
};

/** A groupement the member's organization (A1) was removed from: A2 and a newcomer remain. */
const withoutA1 = async (t: AppTestContext, status: 'draft' | 'convention_drafted') => {
  const g = await t.repos.groupements.insert(
    buildGroupement({
      territoryId: t.world.territoryA.id,
      familyId: 'fam-salt',
      memberIds: [t.world.buyerA2.id, await newcomerOfA(t)],
      coordinatorIds: [t.world.buyerA2.id],
      status,
    }),
  );
  return g.id;
};

/** A waiting request of a newcomer to join a groupement A1 coordinates, admissions given to the coordinator. */
const requestToCoordinator = async (t: AppTestContext) => {
  const url = await groupementAt(t, 'draft', { admissionsBy: 'coordinator' });
  const request = await t.repos.membershipRequests.insert({
    groupementId: url.split('/').at(-1) ?? '',
    organizationId: await newcomerOfA(t),
    message: '',
    requestedBy: 'test',
    requestedAt: '2026-12-06T10:00:00.000Z',
  });
  return { url, requestId: request.id };
};

const line = (organizationId: string) => ({ lotKey: 'lot-1', organizationId, period: '2026-07', quantity: 1, amountCents: 8_500 });
const importOf = (url: string, siret: string): Prepared => {
  const csv = Buffer.from(`Lot;SIRET;Mois;Quantité;Montant HT\r\nlot-1;${siret};2026-07;1;85\r\n`);
  const { payload, headers } = multipartFile('conso.csv', csv);
  return { url: `${url}/consumption/import`, body: payload, headers };
};

const RULES: Record<string, RuleRow> = {
  'a member adds its own organization back after removal (draft)': {
    method: 'POST',
    allowed: ['facilitator'],
    prepare: async (t) => ({
      url: `/api/groupements/${await withoutA1(t, 'draft')}/members`,
      body: { organizationId: t.world.buyerA1.id },
    }),
  },
  'a member adds its own organization back after the convention is drafted': {
    method: 'POST',
    allowed: ['facilitator'],
    prepare: async (t) => ({
      url: `/api/groupements/${await withoutA1(t, 'convention_drafted')}/members`,
      body: { organizationId: t.world.buyerA1.id },
    }),
  },
  'a member asks to join for another organization': {
    method: 'POST',
    allowed: [],
    prepare: async (t) => ({
      url: `/api/groupements/${await withoutA1(t, 'draft')}/membership-requests`,
      body: { organizationId: t.world.buyerB1.id },
    }),
  },
  'the coordinator adds a member where the convention gives it admissions': {
    method: 'POST',
    allowed: ['facilitator', 'member'],
    prepare: async (t) => ({
      url: `${await groupementAt(t, 'draft', { admissionsBy: 'coordinator' })}/members`,
      body: { organizationId: await newcomerOfA(t) },
    }),
  },
  'a coordinator adds a member where admissions are the facilitator’s': {
    method: 'POST',
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `${await groupementAt(t, 'draft')}/members`, body: { organizationId: await newcomerOfA(t) } }),
  },
  'the coordinator lists the requests where the convention gives it admissions': {
    method: 'GET',
    allowed: ['facilitator', 'member'],
    prepare: async (t) => ({ url: `${(await requestToCoordinator(t)).url}/membership-requests` }),
  },
  'the coordinator decides a request where the convention gives it admissions': {
    method: 'POST',
    allowed: ['facilitator', 'member'],
    prepare: async (t) => ({
      url: `/api/membership-requests/${(await requestToCoordinator(t)).requestId}/decision`,
      body: { decision: 'accept' },
    }),
  },
  'a member removes another member (PATCH memberIds)': {
    method: 'PATCH',
    allowed: ['facilitator'],
    prepare: async (t) => {
      const newcomer = await newcomerOfA(t);
      const g = await t.repos.groupements.insert(
        buildGroupement({
          territoryId: t.world.territoryA.id,
          familyId: 'fam-salt',
          memberIds: [t.world.buyerA1.id, t.world.buyerA2.id, newcomer],
          coordinatorIds: [t.world.buyerA1.id],
        }),
      );
      return { url: `/api/groupements/${g.id}`, body: { memberIds: [t.world.buyerA1.id, newcomer] } };
    },
  },
  'consumption entered by hand for another member': {
    method: 'POST',
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `${await groupementAt(t, 'awarded')}/consumption`, body: { entries: [line(t.world.buyerA2.id)] } }),
  },
  'consumption imported by the coordinator with another member’s line': {
    method: 'POST',
    allowed: ['facilitator'],
    prepare: async (t) => importOf(await groupementAt(t, 'awarded'), t.world.buyerA2.siret),
  },
  'consumption imported by a member that does not coordinate, its own line': {
    method: 'POST',
    allowed: ['facilitator', 'member'],
    prepare: async (t) => importOf(await groupementAt(t, 'awarded', { coordinatorId: t.world.buyerA2.id }), t.world.buyerA1.siret),
  },
};

function deniedStatus(persona: Persona): number {
  if (persona === 'anonymous') return 401;
  // Outside the caller's territories (the other territory's facilitator, an administrator without territory role): 404.
  if (persona === 'otherFacilitator' || persona === 'admin') return 404;
  return 403;
}

describeApp(
  'membership and consumption rules × role',
  (t) => {
    describe.each(Object.entries(RULES))('%s', (_rule, row) => {
      it.each(PERSONAS)('as %s', async (persona) => {
        const { url, body, headers } = await row.prepare(t);
        const response = await t.as(persona).request(row.method, url, body, headers);
        if (row.allowed.includes(persona)) expect(response.statusCode, response.body).toBeLessThan(400);
        else expect(response.statusCode, response.body).toBe(deniedStatus(persona));
      });
    });
  },
  { sqliteOnly: true },
);
