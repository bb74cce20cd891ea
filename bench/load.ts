// HTTP load bench (issue 6 §3): `npx tsx bench/load.ts`. A generated territory of 10,000 needs
// in a temporary SQLite file, the real server (`mutualis serve`) on 127.0.0.1, 200 concurrent
// clients, each with its own logged-in session and keep-alive connection, alternating the
// opportunities and needs endpoints for 30 s (BENCH_LOAD_SECONDS, BENCH_LOAD_CLIENTS,
// BENCH_LOAD_NEEDS, BENCH_LOAD_WORKERS override). Targets: zero errors, p99 < 100 ms. The load generator
// (load-client.ts) runs in this process on raw sockets: node:http's client cost as much CPU per
// request as the server, on the same two cores. Also printed: CPU time per request of the server
// process (/proc) and of the generator, the figures to compare on a loaded machine.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '@mutualis/contract';
import type { Organization } from '@mutualis/core';
import { createDatabase, createRepositories, migrateToLatest } from '@mutualis/db';
import { hash } from '@node-rs/argon2';
import { buildNeed, buildOrganization, buildTerritory, CPV, INSEE } from '../packages/db/test/builders';
import { driveClosedLoop } from './load-client';
import { logIn, startServe } from './serve-process';

export interface EndpointFigures {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoadBenchResult {
  needs: number;
  /** `serve --workers` value the server ran with. */
  workers: string;
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** CPU time (user + system) of the server process per request, when /proc is readable. */
  serverCpuMsPerRequest: number | undefined;
  /** CPU time of this load generator per request. */
  clientCpuMsPerRequest: number | undefined;
  byEndpoint: Record<string, EndpointFigures>;
  /** Failures by cause: an HTTP status, `socket` or `timeout`. */
  errorCauses: Record<string, number>;
  targets: { zeroErrors: boolean; p99Under100Ms: boolean };
}

const PASSWORD = 'banc-de-charge-mot-de-passe';
/**
 * `mutualis serve --workers` of the bench: the serve default, one process (BENCH_LOAD_WORKERS
 * overrides). `npm run bench` also runs the same load on two workers to compare (run.ts).
 */
export const LOAD_WORKERS = '1';
const CPV_CODES = Object.values(CPV);
const COMMUNES = Object.values(INSEE);

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** A territory of `needCount` needs spread over 100 buyers, and a facilitator; returns its slug and login. */
export async function seed(url: string, needCount: number): Promise<{ slug: string; email: string }> {
  const m = await createDatabase(url);
  try {
    await migrateToLatest(m);
    const repos = createRepositories(m);
    const territory = await repos.territories.insert(buildTerritory({ slug: 'banc-de-charge' }));
    const buyers: Organization[] = [];
    for (let i = 0; i < 100; i += 1) {
      const inseeCode = COMMUNES[i % COMMUNES.length] ?? INSEE.strasbourg;
      const buyer = await repos.organizations.insert(buildOrganization({ inseeCode }));
      await repos.memberships.add(territory.id, buyer.id);
      buyers.push(buyer);
    }
    const needs = Array.from({ length: needCount }, (_, i) =>
      buildNeed({
        organizationId: buyers[i % buyers.length]?.id ?? '',
        cpvCode: CPV_CODES[i % CPV_CODES.length] ?? CPV.paper,
        label: `Besoin ${i}`,
        annualAmountCents: 50_000 + ((i * 7919) % 5_000_000),
      }),
    );
    for (let i = 0; i < needs.length; i += 1000) await repos.needs.insertMany(needs.slice(i, i + 1000));
    // argon2id, as the server stores passwords (its verification reads the parameters from the hash).
    const user = await repos.users.insert({ email: 'banc@example.fr', name: 'Banc', passwordHash: await hash(PASSWORD) });
    await repos.users.addRole({ userId: user.id, role: 'facilitator', territoryId: territory.id, organizationId: null });
    return { slug: territory.slug, email: user.email };
  } finally {
    await m.close();
  }
}

/** GET on a connection of its own (no keep-alive); resolves the status once the body is read. */
function getOnNewConnection(baseUrl: string, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${baseUrl}${path}`, { agent: false, headers: { cookie, connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

/** Fields 3… of /proc/<pid>/stat (after the command name), or undefined. */
function statFields(pid: number | string): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
  } catch {
    return undefined;
  }
}

/**
 * User + system CPU time in ms of a process and of its live children (the workers of
 * `serve --workers N`), from /proc (Linux); undefined elsewhere.
 */
export function processCpuMs(pid: number): number | undefined {
  const own = statFields(pid);
  if (!own) return undefined;
  // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), in clock ticks of 10 ms on Linux; field 4 is the parent's pid.
  const cpuOf = (fields: string[]) => (Number(fields[11]) + Number(fields[12])) * 10;
  let total = cpuOf(own);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[1]) === pid) total += cpuOf(fields);
  }
  return total;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) * 10) / 10;
}

export function figures(latencies: readonly number[], errors: number): EndpointFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length + errors,
    errors,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
  };
}

export async function runLoadBench(options: { workers?: string } = {}): Promise<LoadBenchResult> {
  const needs = positiveInt('BENCH_LOAD_NEEDS', 10_000);
  const clients = positiveInt('BENCH_LOAD_CLIENTS', 200);
  const seconds = positiveInt('BENCH_LOAD_SECONDS', 30);
  const workers = options.workers ?? process.env.BENCH_LOAD_WORKERS ?? LOAD_WORKERS;
  const dir = mkdtempSync(join(tmpdir(), 'mutualis-load-'));
  const url = `sqlite:${join(dir, 'load.db')}`;
  try {
    const { slug, email } = await seed(url, needs);
    const server = await startServe(url, ['--workers', workers]);
    try {
      // One logged-in session per client, as many browsers would have (argon2 logins, a few at a time).
      const sessions: { cookie: string }[] = [];
      for (let i = 0; i < clients; i += 10) {
        const batch = Math.min(10, clients - i);
        const cookies = await Promise.all(Array.from({ length: batch }, () => logIn(server.baseUrl, email, PASSWORD)));
        sessions.push(...cookies.map((cookie) => ({ cookie })));
      }
      const session = sessions[0] as { cookie: string };
      const paths = { opportunities: `/api/territories/${slug}/opportunities`, needs: `/api/needs?territory=${slug}` };
      // Warm-up: the first analysis of the territory is computed, then served from the cache. Each
      // worker has its own caches; new connections go to the workers in turn, so two per worker.
      const processes = workers === 'auto' ? availableParallelism() : Number(workers);
      for (let round = 0; round < 2 * processes; round += 1) {
        for (const path of Object.values(paths)) {
          const status = await getOnNewConnection(server.baseUrl, path, session.cookie);
          if (status !== 200) throw new Error(`warm-up ${path}: ${status}`);
        }
      }
      const { hostname, port } = new URL(server.baseUrl);
      const serverCpuBefore = processCpuMs(server.pid);
      const clientCpuBefore = process.cpuUsage();
      const run = await driveClosedLoop({
        host: hostname,
        port: Number(port),
        headersOf: (client) => ({ cookie: sessions[client]?.cookie ?? session.cookie, [CLIENT_HEADER]: CLIENT_HEADER_VALUE }),
        targets: Object.entries(paths).map(([name, path]) => ({ name, path })),
        clients,
        seconds,
      });
      const clientCpu = process.cpuUsage(clientCpuBefore);
      const serverCpuAfter = processCpuMs(server.pid);
      const byEndpoint = Object.fromEntries(
        Object.keys(paths).map((name) => [name, figures(run.latencies[name] ?? [], run.errors[name] ?? 0)]),
      );
      const all = figures(
        Object.values(run.latencies).flat(),
        Object.values(run.errors).reduce((a, b) => a + b, 0),
      );
      const perRequest = (ms: number | undefined) =>
        ms === undefined || all.requests === 0 ? undefined : Math.round((ms / all.requests) * 1000) / 1000;
      return {
        needs,
        workers,
        clients,
        seconds: Math.round(run.elapsedSeconds * 10) / 10,
        ...all,
        requestsPerSecond: Math.round(all.requests / run.elapsedSeconds),
        serverCpuMsPerRequest: perRequest(
          serverCpuBefore === undefined || serverCpuAfter === undefined ? undefined : serverCpuAfter - serverCpuBefore,
        ),
        clientCpuMsPerRequest: perRequest((clientCpu.user + clientCpu.system) / 1000),
        byEndpoint,
        errorCauses: run.errorCauses,
        targets: { zeroErrors: all.errors === 0, p99Under100Ms: all.p99Ms < 100 },
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatLoadReport(r: LoadBenchResult): string {
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const rows = Object.entries(r.byEndpoint).map(
    ([name, f]) =>
      `  ${name.padEnd(14)} ${String(f.requests).padStart(7)} req  ${f.errors} err  p50 ${f.p50Ms} ms  p95 ${f.p95Ms} ms  p99 ${f.p99Ms} ms`,
  );
  return [
    `Load: ${r.needs} needs, serve --workers ${r.workers}, ${r.clients} clients, ${r.seconds} s — ${r.requests} requests, ${r.requestsPerSecond} req/s`,
    ...rows,
    `  errors by cause: ${JSON.stringify(r.errorCauses)}`,
    `  server CPU ${r.serverCpuMsPerRequest ?? '?'} ms/req, load generator CPU ${r.clientCpuMsPerRequest ?? '?'} ms/req`,
    `  all            errors ${r.errors} ${mark(r.targets.zeroErrors)}  p50 ${r.p50Ms} ms  p95 ${r.p95Ms} ms  p99 ${r.p99Ms} ms ${mark(r.targets.p99Under100Ms)} (target < 100 ms)`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatLoadReport(await runLoadBench()));
}
