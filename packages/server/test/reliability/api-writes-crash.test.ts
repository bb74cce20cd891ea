import { createDatabase, createRepositories, type MutualisDb, type Repositories } from '@mutualis/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildGroupement, CPV, openTestDatabase, testDialects } from '../../../db/test/dialects';
import { buildWorld, TEST_PASSWORD, type World } from '../world';
import { type HttpSession, logInOver } from './http-session';
import { startServer } from './server-process';

const WRITERS = 6;
/** The server is killed once this many writes were acknowledged. */
const KILL_AFTER_ACKS = 60;

interface Acknowledged {
  needs: string[];
  contracts: string[];
  /** Groupements whose transition to `convention_drafted` was answered 200. */
  transitions: string[];
  /** Requests sent whose answer never came (in flight at the kill). */
  unanswered: number;
}

/** Draft groupements of territory A (members A1, A2; coordinator A2), ready for their first transition. */
async function draftGroupements(repos: Repositories, world: World, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const groupement = await repos.groupements.insert(
      buildGroupement({
        territoryId: world.territoryA.id,
        familyId: 'fam-salt',
        memberIds: [world.buyerA1.id, world.buyerA2.id],
        coordinatorIds: [world.buyerA2.id],
      }),
    );
    ids.push(groupement.id);
  }
  return ids;
}

/**
 * A burst of writes from several concurrent writers: needs and running contracts created, and
 * groupement lifecycle transitions (draft → convention_drafted), until the server is dead. Each
 * writer goes on until one of its requests goes unanswered: writers that stopped as soon as the
 * kill was ordered could all be answered before the signal landed (the server answers in a
 * fraction of a millisecond), leaving no write in flight. A request counts as unanswered only if
 * it was sent before the server was known dead.
 */
async function writeUntilKilled(session: HttpSession, world: World, drafts: string[], kill: () => Promise<void>): Promise<Acknowledged> {
  const acked: Acknowledged = { needs: [], contracts: [], transitions: [], unanswered: 0 };
  let killing: Promise<void> | undefined;
  let isDead = false;
  let sequence = 0;
  const sendUnlessDead = async (method: 'POST', path: string, body: unknown): Promise<{ status: number; body: unknown } | null> => {
    const wasDead = isDead;
    try {
      return await session.request(method, path, body);
    } catch {
      if (!wasDead) acked.unanswered += 1;
      return null;
    }
  };
  const writer = async (w: number) => {
    for (;;) {
      sequence += 1;
      const n = sequence;
      const groupementId = n % 3 === 0 ? drafts.pop() : undefined;
      if (groupementId !== undefined) {
        const transition = await sendUnlessDead('POST', `/api/groupements/${groupementId}/transitions`, { to: 'convention_drafted' });
        if (transition === null) return;
        if (transition.status !== 200) throw new Error(`transition refused: ${transition.status} ${JSON.stringify(transition.body)}`);
        acked.transitions.push(groupementId);
        continue;
      }
      const isNeed = (n + w) % 2 === 0;
      const body = isNeed
        ? { organizationId: world.buyerA1.id, cpvCode: CPV.paper, label: `rafale ${n}`, annualAmountCents: 100 + n }
        : {
            organizationId: world.buyerA2.id,
            reference: `RAFALE-${n}`,
            cpvCode: CPV.gloves,
            label: `rafale ${n}`,
            startDate: '2025-01-01',
            durationMonths: 12,
          };
      const answer = await sendUnlessDead('POST', isNeed ? '/api/needs' : '/api/contracts', body);
      if (answer === null) return;
      if (answer.status !== 201) throw new Error(`write refused: ${answer.status} ${JSON.stringify(answer.body)}`);
      const { id } = answer.body as { id: string };
      (isNeed ? acked.needs : acked.contracts).push(id);
      if (acked.needs.length + acked.contracts.length >= KILL_AFTER_ACKS)
        killing ??= kill().then(() => {
          isDead = true;
        });
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  await killing;
  return acked;
}

async function idsPresent(m: MutualisDb, table: 'needs' | 'running_contracts', ids: readonly string[]): Promise<Set<string>> {
  const rows = await m.db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

for (const dialect of testDialects()) {
  describe(`kill -9 of the server during a burst of API writes and transitions [${dialect}]`, () => {
    it('keeps every acknowledged creation and lifecycle transition, and restarts on a sound database', async () => {
      const tdb = await openTestDatabase(dialect);
      try {
        const world = await buildWorld(tdb.repos);
        const drafts = await draftGroupements(tdb.repos, world, KILL_AFTER_ACKS);
        await tdb.m.close();
        const server = await startServer(tdb.url);
        const session = await logInOver(server.baseUrl, world.emails.facilitator, TEST_PASSWORD);
        const acked = await writeUntilKilled(session, world, drafts, server.kill);
        // The kill must land while writes are in flight, or the test proves nothing about them.
        expect(acked.unanswered).toBeGreaterThan(0);

        const restarted = await startServer(tdb.url);
        const m = await createDatabase(tdb.url);
        try {
          const again = await logInOver(restarted.baseUrl, world.emails.facilitator, TEST_PASSWORD);
          const listed = await again.request('GET', `/api/needs?territory=${world.territoryA.slug}&q=rafale&limit=200`);
          expect(listed.status).toBe(200);
          expect((listed.body as { total: number }).total).toBeGreaterThanOrEqual(acked.needs.length);
          expect([...(await idsPresent(m, 'needs', acked.needs))].sort()).toEqual([...acked.needs].sort());
          expect([...(await idsPresent(m, 'running_contracts', acked.contracts))].sort()).toEqual([...acked.contracts].sort());
          expect(acked.transitions.length).toBeGreaterThan(0);
          const groupements = createRepositories(m).groupements;
          for (const id of acked.transitions) expect((await groupements.getById(id))?.status).toBe('convention_drafted');
          if (dialect === 'sqlite') {
            const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(m.db);
            expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
          }
        } finally {
          await m.close();
          await restarted.stop();
        }
      } finally {
        await tdb.dispose();
      }
    }, 180_000);
  });
}
