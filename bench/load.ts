// HTTP load bench (issue 6 §3): `npx tsx bench/load.ts`. A generated territory of 10,000 needs
// in a temporary SQLite file, the real server (`mutualis serve`) on 127.0.0.1, 200 concurrent
// logged-in clients (keep-alive) alternating the opportunities and needs endpoints for 30 s
// (BENCH_LOAD_SECONDS, BENCH_LOAD_CLIENTS, BENCH_LOAD_NEEDS override). Targets: zero errors, p99 < 100 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '@mutualis/contract';
import type { Organization } from '@mutualis/core';
import { createDatabase, createRepositories, migrateToLatest } from '@mutualis/db';
import { buildNeed, buildOrganization, buildTerritory, CPV, INSEE } from '../packages/db/test/builders';
import { hashPassword } from '../packages/server/src/auth/password';
import { logInOver } from '../packages/server/test/reliability/http-session';
import { startServer } from '../packages/server/test/reliability/server-process';

export interface EndpointFigures {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoadBenchResult {
  needs: number;
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  byEndpoint: Record<string, EndpointFigures>;
  targets: { zeroErrors: boolean; p99Under100Ms: boolean };
}

const PASSWORD = 'banc-de-charge-mot-de-passe';
const CPV_CODES = Object.values(CPV);
const COMMUNES = Object.values(INSEE);

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** A territory of `needCount` needs spread over 100 buyers, and a facilitator; returns its slug and login. */
async function seed(url: string, needCount: number): Promise<{ slug: string; email: string }> {
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
    const user = await repos.users.insert({ email: 'banc@example.fr', name: 'Banc', passwordHash: await hashPassword(PASSWORD) });
    await repos.users.addRole({ userId: user.id, role: 'facilitator', territoryId: territory.id, organizationId: null });
    return { slug: territory.slug, email: user.email };
  } finally {
    await m.close();
  }
}

interface Sample {
  endpoint: string;
  ms: number;
  ok: boolean;
}

function get(agent: Agent, baseUrl: string, path: string, cookie: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${baseUrl}${path}`, { agent, headers: { cookie, [CLIENT_HEADER]: CLIENT_HEADER_VALUE } }, (res) => {
      res.resume();
      res.on('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** `clients` loops, each awaiting its answer before the next request, until the deadline. */
async function drive(options: { baseUrl: string; cookie: string; paths: Record<string, string>; clients: number; seconds: number }) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const samples: Sample[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  const endpoints = Object.entries(options.paths);
  const client = async (c: number) => {
    for (let i = c; performance.now() < deadline; i += 1) {
      const [endpoint, path] = endpoints[i % endpoints.length] ?? ['?', '/'];
      const start = performance.now();
      const ok = await get(agent, options.baseUrl, path, options.cookie);
      samples.push({ endpoint, ms: performance.now() - start, ok });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { samples, elapsed };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) * 10) / 10;
}

function figures(samples: readonly Sample[]): EndpointFigures {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => !s.ok).length;
  return { requests: samples.length, errors, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
}

export async function runLoadBench(): Promise<LoadBenchResult> {
  const needs = positiveInt('BENCH_LOAD_NEEDS', 10_000);
  const clients = positiveInt('BENCH_LOAD_CLIENTS', 200);
  const seconds = positiveInt('BENCH_LOAD_SECONDS', 30);
  const dir = mkdtempSync(join(tmpdir(), 'mutualis-load-'));
  const url = `sqlite:${join(dir, 'load.db')}`;
  try {
    const { slug, email } = await seed(url, needs);
    const server = await startServer(url, { LOG_LEVEL: 'silent' });
    try {
      const session = await logInOver(server.baseUrl, email, PASSWORD);
      const paths = { opportunities: `/api/territories/${slug}/opportunities`, needs: `/api/needs?territory=${slug}` };
      // Warm-up: the first analysis of the territory is computed, then served from the cache.
      for (const path of Object.values(paths)) {
        const answer = await session.request('GET', path);
        if (answer.status !== 200) throw new Error(`warm-up ${path}: ${answer.status}`);
      }
      const cookie = session.cookie;
      const { samples, elapsed } = await drive({ baseUrl: server.baseUrl, cookie, paths, clients, seconds });
      const all = figures(samples);
      const byEndpoint = Object.fromEntries(Object.keys(paths).map((name) => [name, figures(samples.filter((s) => s.endpoint === name))]));
      return {
        needs,
        clients,
        seconds: Math.round(elapsed * 10) / 10,
        ...all,
        requestsPerSecond: Math.round(all.requests / elapsed),
        byEndpoint,
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
    `Load: ${r.needs} needs, ${r.clients} clients, ${r.seconds} s — ${r.requests} requests, ${r.requestsPerSecond} req/s`,
    ...rows,
    `  all            errors ${r.errors} ${mark(r.targets.zeroErrors)}  p50 ${r.p50Ms} ms  p95 ${r.p95Ms} ms  p99 ${r.p99Ms} ms ${mark(r.targets.p99Under100Ms)} (target < 100 ms)`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatLoadReport(await runLoadBench()));
}
