import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '@mutualis/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../db/test/dialects';
import { buildWorld, TEST_PASSWORD, type World } from '../world';
import { type HttpSession, logInOver } from './http-session';
import { type ServerProcess, startServer } from './server-process';

interface NeedRow {
  id: string;
  annualAmountCents: number | null;
}
interface OpportunityRow {
  family: { key: string };
  annualAmountCents: number;
}

// Real server processes on one SQLite file. Each keeps in-process caches (sessions, analyses,
// serialised list pages); SQLite's data_version tells a process that another one committed, so a
// write made anywhere must show on the very next request everywhere. Data_version is SQLite's:
// PostgreSQL refuses several workers (see packages/cli/src/commands/serve.test.ts).
describe('caches of several server processes on one SQLite database', () => {
  let tdb: TestDatabase;
  let world: World;
  let serverA: ServerProcess;
  let serverB: ServerProcess;
  let sessionA: HttpSession;
  let sessionB: HttpSession;

  beforeAll(async () => {
    tdb = await openTestDatabase('sqlite');
    world = await buildWorld(tdb.repos);
    [serverA, serverB] = await Promise.all([startServer(tdb.url), startServer(tdb.url)]);
    sessionA = await logInOver(serverA.baseUrl, world.emails.facilitator, TEST_PASSWORD);
    sessionB = await logInOver(serverB.baseUrl, world.emails.facilitator, TEST_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([serverA?.stop(), serverB?.stop()]);
    await tdb?.dispose();
  });

  const needsUrl = () => `/api/needs?territory=${world.territoryA.slug}&limit=200`;
  const opportunitiesUrl = () => `/api/territories/${world.territoryA.slug}/opportunities?limit=200`;
  const amountOfNeedA1 = async (session: HttpSession) => {
    const answer = await session.request('GET', needsUrl());
    expect(answer.status).toBe(200);
    return ((answer.body as { items: NeedRow[] }).items.find((n) => n.id === world.needA1.id)?.annualAmountCents ?? null) as number;
  };
  // The world's salt needs (buyers A1 and A2) are pooled into one salt opportunity.
  const saltAmount = async (session: HttpSession) => {
    const answer = await session.request('GET', opportunitiesUrl());
    expect(answer.status).toBe(200);
    return (answer.body as { items: OpportunityRow[] }).items.find((o) => o.family.key.startsWith('famille:fam-salt'))?.annualAmountCents;
  };

  it('shows a write made through process A on the next request to process B', async () => {
    // Read twice through B: the second answer comes from B's caches.
    const before = await amountOfNeedA1(sessionB);
    expect(await amountOfNeedA1(sessionB)).toBe(before);
    const saltBefore = (await saltAmount(sessionB)) ?? 0;
    expect(await saltAmount(sessionB)).toBe(saltBefore);
    const patched = await sessionA.request('PATCH', `/api/needs/${world.needA1.id}`, { annualAmountCents: before + 4_321 });
    expect(patched.status).toBe(200);
    expect(await amountOfNeedA1(sessionB)).toBe(before + 4_321);
    // Pooled amount = Σ of the members' amounts: only A1's changed, by +4 321 cents.
    expect(await saltAmount(sessionB)).toBe(saltBefore + 4_321);
  });

  it('shows a write made by another connection (a CLI command) on the next request', async () => {
    const before = await amountOfNeedA1(sessionB);
    const saltBefore = (await saltAmount(sessionB)) ?? 0;
    await tdb.repos.needs.update(world.needA1.id, { annualAmountCents: before + 1_000 });
    expect(await amountOfNeedA1(sessionB)).toBe(before + 1_000);
    expect(await amountOfNeedA1(sessionA)).toBe(before + 1_000);
    expect(await saltAmount(sessionB)).toBe(saltBefore + 1_000);
  });

  it('refuses at once in process B a session logged out through process A', async () => {
    const session = await logInOver(serverA.baseUrl, world.emails.observer, TEST_PASSWORD);
    const onB = { ...session, request: bound(serverB.baseUrl, session.cookie) };
    expect((await onB.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await onB.request('GET', needsUrl())).status).toBe(200);
    expect((await session.request('POST', '/api/auth/logout')).status).toBe(200);
    expect((await onB.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await onB.request('GET', needsUrl())).status).toBe(401);
  });

  it('answers concurrent writes from both processes without a busy error', async () => {
    // Each creation is its own transaction; 2 × 15 at once make the processes wait on SQLite's write lock.
    const create = (session: HttpSession, i: number) =>
      session.request('POST', '/api/needs', {
        organizationId: world.buyerA1.id,
        cpvCode: world.needA1.cpvCode,
        label: `Concurrence ${i}`,
        annualAmountCents: 10_000 + i,
      });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => create(i % 2 === 0 ? sessionA : sessionB, i)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const listed = await sessionB.request('GET', `/api/needs?territory=${world.territoryA.slug}&q=Concurrence&limit=200`);
    expect((listed.body as { total: number }).total).toBe(30);
  });
});

describe('mutualis serve --workers 2', () => {
  let tdb: TestDatabase;
  let world: World;
  let server: ServerProcess;

  beforeAll(async () => {
    tdb = await openTestDatabase('sqlite');
    world = await buildWorld(tdb.repos);
    server = await startServer(tdb.url, {}, ['--workers', '2']);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await tdb?.dispose();
  });

  it('runs two worker processes', () => {
    expect(childrenOf(server.pid)).toHaveLength(2);
  });

  it('shows a write, then a logout, on the next request whichever worker answers', async () => {
    const session = await logInOver(server.baseUrl, world.emails.facilitator, TEST_PASSWORD);
    const oneShot = bound(server.baseUrl, session.cookie);
    const url = `/api/needs?territory=${world.territoryA.slug}&limit=200`;
    const amountOf = (answer: { body: unknown }) =>
      (answer.body as { items: NeedRow[] }).items.find((n) => n.id === world.needA2.id)?.annualAmountCents;
    // Each one-shot request opens its own connection; node:cluster hands connections to the
    // workers in turn, so four of them warm both workers' caches.
    const before = await Promise.all([1, 2, 3, 4].map(() => oneShot('GET', url)));
    const amount = amountOf(before[0] as { body: unknown }) ?? 0;
    expect(before.map(amountOf)).toEqual([amount, amount, amount, amount]);
    expect((await oneShot('PATCH', `/api/needs/${world.needA2.id}`, { annualAmountCents: amount + 777 })).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect(amountOf(await oneShot('GET', url))).toBe(amount + 777);
    expect((await oneShot('POST', '/api/auth/logout')).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await oneShot('GET', '/api/auth/me')).status).toBe(401);
  });

  it('counts the failures of one e-mail across workers: the sixth attempt is refused', async () => {
    // LOGIN_MAX_FAILURES = 5 per e-mail and IP. Each attempt opens its own connection, which
    // node:cluster hands to the workers in turn: a per-worker counter would have seen ~3 each.
    const attempt = (password: string) => bound(server.baseUrl, '')('POST', '/api/auth/login', { email: world.emails.member, password });
    for (let i = 0; i < 5; i += 1) expect((await attempt('mauvais-mot-de-passe')).status).toBe(401);
    for (let i = 0; i < 2; i += 1) expect((await attempt(TEST_PASSWORD)).status).toBe(429);
  });
});

/** Pids of the live children of `pid` (the cluster's workers), from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent's pid.
        return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Requests on a new connection each (no keep-alive), with `cookie` and the CSRF header. */
function bound(baseUrl: string, cookie: string) {
  return (method: string, path: string, body?: unknown) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const req = httpRequest(
        `${baseUrl}${path}`,
        {
          method,
          agent: false,
          headers: {
            cookie,
            [CLIENT_HEADER]: CLIENT_HEADER_VALUE,
            connection: 'close',
            ...(text === undefined ? {} : { 'content-type': 'application/json' }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: raw === '' ? null : (JSON.parse(raw) as unknown) });
          });
        },
      );
      req.on('error', reject);
      req.end(text);
    });
}
