// Hostile upload bench (issue 13 §2): `npx tsx bench/hostile.ts`. The load bench's territory of
// 10,000 needs in a temporary SQLite file, the real server (`mutualis serve`) on 127.0.0.1; a few
// clients read `/api/needs` in a closed loop, first alone, then while another client uploads, again
// and again (waiting for the end of each upload's preview job), a 13 MB DECP XML whose one record repeats <titulaire> 100,000 times (the scanner once
// copied the list at every repetition: 83 s of blocked server). Target: p99 of /api/needs < 200 ms
// during the imports. BENCH_HOSTILE_SECONDS (per phase) and BENCH_HOSTILE_CLIENTS override.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE, type ImportRecordDto } from '@mutualis/contract';
import { decpXmlRepeatingHolders } from '../packages/server/test/hostile-files';
import { type HttpSession, logInOver } from '../packages/server/test/reliability/http-session';
import { startServer } from '../packages/server/test/reliability/server-process';
import { driveClosedLoop } from './load-client';
import { type EndpointFigures, figures, seed } from './load';
import type { BenchReport } from './measure';

const PASSWORD = 'banc-de-charge-mot-de-passe';
const P99_TARGET_MS = 200;

export interface HostileBenchResult {
  needs: number;
  clients: number;
  fileBytes: number;
  quiet: EndpointFigures & { seconds: number };
  importing: EndpointFigures & { seconds: number };
  /** Uploads of the hostile file answered during the second phase, and how each was answered. */
  imports: number;
  importOutcomes: Record<string, number>;
}

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/**
 * Uploads `content` as a DECP file, waits for the end of its preview job (polling the import), and
 * again until `isDone()`; counts the outcomes.
 */
async function uploadRepeatedly(options: {
  baseUrl: string;
  slug: string;
  session: HttpSession;
  content: Buffer;
  isDone: () => boolean;
}): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  const headers = { cookie: options.session.cookie, [CLIENT_HEADER]: CLIENT_HEADER_VALUE };
  const imports = `${options.baseUrl}/api/territories/${options.slug}/imports`;
  while (!options.isDone()) {
    const form = new FormData();
    form.append('file', new Blob([options.content]), 'hostile.xml');
    const response = await fetch(`${imports}/decp`, { method: 'POST', headers, body: form });
    let outcome: string;
    if (response.status !== 202) outcome = `${response.status} ${((await response.json()) as { code?: string }).code}`;
    else {
      let record = (await response.json()) as ImportRecordDto;
      while (record.status === 'previewing') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        record = (await (await fetch(`${imports}/${record.id}`, { headers })).json()) as ImportRecordDto;
      }
      const preview = record.decpPreview;
      outcome = preview == null ? record.status : `${record.status} (${preview.read} lu, ${preview.rejected} refusé)`;
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return outcomes;
}

export async function runHostileBench(): Promise<HostileBenchResult> {
  const needs = 10_000;
  const clients = positiveInt('BENCH_HOSTILE_CLIENTS', 8);
  const seconds = positiveInt('BENCH_HOSTILE_SECONDS', 15);
  const content = decpXmlRepeatingHolders(100_000);
  const dir = mkdtempSync(join(tmpdir(), 'mutualis-hostile-'));
  const url = `sqlite:${join(dir, 'hostile.db')}`;
  try {
    const { slug, email } = await seed(url, needs);
    const server = await startServer(url, { LOG_LEVEL: 'silent' }, ['--workers', '1']);
    try {
      const sessions: HttpSession[] = [];
      for (let i = 0; i <= clients; i += 1) sessions.push(await logInOver(server.baseUrl, email, PASSWORD));
      const [uploader, ...readers] = sessions as [HttpSession, ...HttpSession[]];
      const path = `/api/needs?territory=${slug}`;
      const warm = await uploader.request('GET', path);
      if (warm.status !== 200) throw new Error(`warm-up ${path}: ${warm.status}`);
      const { hostname, port } = new URL(server.baseUrl);
      const readNeeds = () =>
        driveClosedLoop({
          host: hostname,
          port: Number(port),
          headersOf: (client) => ({ cookie: readers[client]?.cookie ?? uploader.cookie, [CLIENT_HEADER]: CLIENT_HEADER_VALUE }),
          targets: [{ name: 'needs', path }],
          clients,
          seconds,
        });
      const phase = (run: Awaited<ReturnType<typeof readNeeds>>) => ({
        ...figures(run.latencies.needs ?? [], run.errors.needs ?? 0),
        seconds: Math.round(run.elapsedSeconds * 10) / 10,
      });
      const quiet = phase(await readNeeds());
      let isDone = false;
      const uploads = uploadRepeatedly({ baseUrl: server.baseUrl, slug, session: uploader, content, isDone: () => isDone });
      const importing = phase(
        await readNeeds().finally(() => {
          isDone = true;
        }),
      );
      const importOutcomes = await uploads;
      return {
        needs,
        clients,
        fileBytes: content.length,
        quiet,
        importing,
        imports: Object.values(importOutcomes).reduce((a, b) => a + b, 0),
        importOutcomes,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function toHostileReport(r: HostileBenchResult): BenchReport {
  const megabytes = Math.round((r.fileBytes / 2 ** 20) * 10) / 10;
  return {
    name: 'hostile',
    title: `Fichier hostile : /api/needs pendant l’import d’un XML DECP de ${megabytes.toLocaleString('fr-FR')} Mo (100 000 <titulaire>)`,
    rows: [
      { label: 'sans import : p50', value: r.quiet.p50Ms, unit: 'ms' },
      { label: 'sans import : p99', value: r.quiet.p99Ms, unit: 'ms' },
      { label: 'pendant les imports : requêtes', value: r.importing.requests, unit: 'req' },
      { label: 'pendant les imports : erreurs', value: r.importing.errors, unit: '', target: '0', isMet: r.importing.errors === 0 },
      { label: 'pendant les imports : p50', value: r.importing.p50Ms, unit: 'ms' },
      {
        label: 'pendant les imports : p99',
        value: r.importing.p99Ms,
        unit: 'ms',
        target: `< ${P99_TARGET_MS} ms`,
        isMet: r.importing.p99Ms < P99_TARGET_MS,
      },
      { label: 'imports du fichier hostile', value: r.imports, unit: '' },
    ],
    notes: [
      `Serveur réel (\`mutualis serve\`, SQLite, ${r.needs.toLocaleString('fr-FR')} besoins) ; ${r.clients} clients lisent /api/needs en boucle fermée ${r.quiet.seconds} s seuls, puis ${r.importing.seconds} s pendant qu’un autre client envoie le fichier hostile et attend la fin de son aperçu (tâche d’import dans le processus d’import que lance \`serve\`), puis le renvoie aussitôt (aperçus : ${Object.entries(
        r.importOutcomes,
      )
        .map(([outcome, n]) => `${outcome} × ${n}`)
        .join(', ')}).`,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runHostileBench(), null, 2));
}
