import { buildGroupement } from '../../../../db/test/dialects';
import type { AppTestContext, Persona } from '../../../test/test-app';

// Rows of the route × role matrix (authz/access-matrix.test.ts) for the requests to join a groupement.

interface Row {
  allowed: readonly Persona[];
  prepare(t: AppTestContext): Promise<{ url: string; body?: unknown }>;
}

/** A draft groupement of territory A without the member's organization (A1): A2 and a new buyer would do, A2 alone is enough here. */
async function groupementWithoutA1(t: AppTestContext): Promise<string> {
  const g = await t.repos.groupements.insert(
    buildGroupement({
      territoryId: t.world.territoryA.id,
      familyId: 'fam-salt',
      memberIds: [t.world.buyerA2.id],
      coordinatorIds: [t.world.buyerA2.id],
    }),
  );
  return g.id;
}

/** A waiting request of A1 to join a fresh groupement (admissions are the facilitator's). */
async function pendingRequest(t: AppTestContext): Promise<string> {
  const request = await t.repos.membershipRequests.insert({
    groupementId: await groupementWithoutA1(t),
    organizationId: t.world.buyerA1.id,
    message: '',
    requestedBy: 'test',
    requestedAt: '2026-12-06T10:00:00.000Z',
  });
  return request.id;
}

export const MEMBERSHIP_MATRIX_ROWS: Record<string, Row> = {
  'GET /api/territories/:slug/groupements/joinable': {
    allowed: ['member'],
    prepare: async (t) => ({ url: `/api/territories/${t.world.territoryA.slug}/groupements/joinable` }),
  },
  'POST /api/groupements/:id/membership-requests': {
    allowed: ['member'],
    prepare: async (t) => ({
      url: `/api/groupements/${await groupementWithoutA1(t)}/membership-requests`,
      body: { organizationId: t.world.buyerA1.id, message: 'Nous achetons aussi du sel.' },
    }),
  },
  'GET /api/groupements/:id/membership-requests': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/groupements/${await groupementWithoutA1(t)}/membership-requests` }),
  },
  'GET /api/territories/:slug/membership-requests': {
    allowed: ['facilitator'],
    prepare: async (t) => ({ url: `/api/territories/${t.world.territoryA.slug}/membership-requests?status=pending` }),
  },
  'POST /api/membership-requests/:id/decision': {
    allowed: ['facilitator'],
    prepare: async (t) => ({
      url: `/api/membership-requests/${await pendingRequest(t)}/decision`,
      body: { decision: 'refuse', reason: 'Besoin hors du périmètre du groupement.' },
    }),
  },
};
