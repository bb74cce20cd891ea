import { CLIENT_HEADER, CLIENT_HEADER_VALUE, SESSION_COOKIE } from '@mutualis/contract';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { Response } from 'light-my-request';
import { expect, it } from 'vitest';
import { buildFamily } from '../../../db/test/dialects';
import { type AppTestContext, describeApp, logIn } from '../test-app';

const RUNS_PER_ROUTE = 40;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Field names of the API's bodies, so that generated objects reach validation beyond "unknown key". */
const FIELD_NAMES = [
  'organizationId',
  'territory',
  'cpvCode',
  'label',
  'quantity',
  'unit',
  'unitPriceCents',
  'annualAmountCents',
  'deliveryCommunes',
  'name',
  'siret',
  'kind',
  'inseeCode',
  'reference',
  'startDate',
  'durationMonths',
  'email',
  'password',
  'code',
  'labelFr',
  'familyKey',
  'postpone',
  'join',
  'leave',
  'products',
  'competences',
  'status',
  'months',
] as const;

const bodyArb = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
);

/** A concrete URL for a route pattern: ids of the seeded world where known, a random UUID elsewhere. */
async function urlOf(t: AppTestContext, pattern: string): Promise<string> {
  const w = t.world;
  const family = pattern.includes('/families/:id') ? await t.repos.families.insert(buildFamily({ territoryId: w.territoryA.id })) : null;
  const byParam: Record<string, string> = {
    slug: w.territoryA.slug,
    organizationId: w.firmA.id,
    code: w.competenceCode,
  };
  const idFor = (): string => {
    if (pattern.startsWith('/api/organizations/')) return w.buyerA2.id;
    if (pattern.startsWith('/api/needs/')) return w.needA1.id;
    if (pattern.startsWith('/api/contracts/')) return w.contractA1.id;
    if (pattern.includes('/opportunities/')) return encodeURIComponent('famille:fam-salt@territoire');
    if (family) return family.id;
    return crypto.randomUUID();
  };
  return pattern.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? idFor() : (byParam[name] ?? crypto.randomUUID())));
}

/** Never a 500, and every rejection in the one shape `{ code, message, details }`. */
function expectCleanAnswer(response: Response, what: string): void {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode < 400) return;
  const body = response.json() as { code: unknown; message: unknown; details: unknown };
  expect(typeof body.code, what).toBe('string');
  expect(typeof body.message, what).toBe('string');
  expect(typeof body.details === 'object' && body.details !== null, what).toBe(true);
}

describeApp(
  'API bodies under fuzzing (facilitator)',
  (t) => {
    const writeRoutes = () => t.app.routeAccess.filter((r) => WRITE_METHODS.has(r.method));

    it('finds the write routes to fuzz', () => {
      expect(writeRoutes().map((r) => `${r.method} ${r.url}`)).toContain('POST /api/needs');
    });

    it('answers arbitrary JSON bodies on every write route with a 2xx or a clean 4xx', async () => {
      for (const route of writeRoutes()) {
        // A fresh session per route: the logout route ends the one it is called with.
        const cookie = await logIn(t.app, t.world.emails.facilitator);
        const url = await urlOf(t, route.url);
        await fc.assert(
          fc.asyncProperty(bodyArb, async (body) => {
            const response = await inject(t, { method: route.method, url, cookie, payload: JSON.stringify(body) });
            expectCleanAnswer(response, `${route.method} ${route.url}`);
          }),
          { numRuns: RUNS_PER_ROUTE },
        );
      }
    });

    it('answers malformed JSON, foreign content types and oversized bodies with a clean 4xx', async () => {
      const cookie = await logIn(t.app, t.world.emails.facilitator);
      const oddPayloads = fc.oneof(
        fc.record({ contentType: fc.constant('application/json'), payload: fc.string({ maxLength: 200 }) }),
        fc.record({
          contentType: fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/json; charset=latin1',
            '',
          ),
          payload: fc.string({ maxLength: 200 }),
        }),
        fc.record({ contentType: fc.constant('application/json'), payload: fc.constant(`"${'x'.repeat(1_100_000)}"`) }),
      );
      for (const route of writeRoutes().filter((r) => r.url !== '/api/auth/logout')) {
        const url = await urlOf(t, route.url);
        await fc.assert(
          fc.asyncProperty(oddPayloads, async ({ contentType, payload }) => {
            const response = await inject(t, { method: route.method, url, cookie, payload, contentType });
            expectCleanAnswer(response, `${route.method} ${route.url} (${contentType})`);
            if (payload.length > 1_000_000) expect(response.statusCode).toBe(413);
          }),
          { numRuns: 8 },
        );
      }
    });
  },
  { sqliteOnly: true },
);

interface RawRequest {
  method: string;
  url: string;
  cookie: string;
  payload: string;
  contentType?: string;
}

function inject(t: AppTestContext, request: RawRequest): Promise<Response> {
  const headers: Record<string, string> = { [CLIENT_HEADER]: CLIENT_HEADER_VALUE };
  const contentType = request.contentType ?? 'application/json';
  if (contentType !== '') headers['content-type'] = contentType;
  return t.app.inject({
    method: request.method as InjectOptions['method'],
    url: request.url,
    headers,
    cookies: { [SESSION_COOKIE]: request.cookie },
    payload: request.payload,
  });
}
