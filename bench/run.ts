// `npm run bench`: runs every bench module of bench/ (pooling, decp, observatory, lots, load, hostile when present), each
// in its own process so that its peak memory and garbage collector are its own, prints the figures
// and writes docs/benchmarks.md. BENCH_QUICK=1 shrinks the sizes; BENCH_ONLY=pooling,decp selects.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchReport, type BenchRow, formatNumber, formatReport, mark } from './measure';

interface BenchModule {
  name: string;
  file: string;
  run(): Promise<BenchReport>;
}

const BENCH_DIR = import.meta.dirname;
const DOC = join(BENCH_DIR, '../docs/benchmarks.md');

/** The bench modules this runner knows how to read, in running order; absent files are skipped. */
const MODULES: BenchModule[] = [
  {
    name: 'pooling',
    file: 'pooling.ts',
    run: async () => {
      const { runPoolingBench, toPoolingReport } = await import('./pooling');
      return toPoolingReport(await runPoolingBench());
    },
  },
  {
    name: 'decp',
    file: 'decp.ts',
    run: async () => {
      const { runDecpBench, toDecpReport } = await import('./decp');
      return toDecpReport(await runDecpBench());
    },
  },
  {
    name: 'observatory',
    file: 'observatory.ts',
    run: async () => {
      const { runObservatoryBench, toObservatoryReport } = await import('./observatory');
      return toObservatoryReport(await runObservatoryBench());
    },
  },
  { name: 'lots', file: 'lots.ts', run: runLots },
  { name: 'load', file: 'load.ts', run: runLoad },
  {
    name: 'hostile',
    file: 'hostile.ts',
    run: async () => {
      const { runHostileBench, toHostileReport } = await import('./hostile');
      return toHostileReport(await runHostileBench());
    },
  },
];

async function runLots(): Promise<BenchReport> {
  const { runLotsBench } = await import(pathToFileURL(join(BENCH_DIR, 'lots.ts')).href);
  const result = (await runLotsBench()) as { name: string; metrics: { name: string; value: number; unit: string; target?: number }[] };
  return {
    name: 'lots',
    title: 'Allotissement et sourcing local',
    rows: result.metrics.map(
      (m): BenchRow => ({
        label: m.name,
        value: m.value,
        unit: m.unit,
        ...(m.target === undefined ? {} : { target: `≤ ${formatNumber(m.target)} ${m.unit}`, isMet: m.value <= m.target }),
      }),
    ),
    notes: [],
  };
}

async function runLoad(): Promise<BenchReport> {
  // A quick run keeps the load test short unless its duration is set explicitly.
  if (process.env.BENCH_QUICK === '1') process.env.BENCH_LOAD_SECONDS ??= '5';
  const { runLoadBench } = await import(pathToFileURL(join(BENCH_DIR, 'load.ts')).href);
  type LoadRun = {
    needs: number;
    workers: string;
    clients: number;
    seconds: number;
    requests: number;
    errors: number;
    requestsPerSecond: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    serverCpuMsPerRequest?: number;
    clientCpuMsPerRequest?: number;
    byEndpoint: Record<string, { requests: number; errors: number; p50Ms: number; p95Ms: number; p99Ms: number }>;
    errorCauses: Record<string, number>;
  };
  const r = (await runLoadBench()) as LoadRun;
  // The same load on two workers, to show whether `serve --workers 2` would serve it better here.
  const twoWorkers = r.workers === '2' ? undefined : ((await runLoadBench({ workers: '2' })) as LoadRun);
  const cpuRows: BenchRow[] = [
    ...(r.serverCpuMsPerRequest === undefined ? [] : [{ label: 'CPU serveur par requête', value: r.serverCpuMsPerRequest, unit: 'ms' }]),
    ...(r.clientCpuMsPerRequest === undefined
      ? []
      : [{ label: 'CPU du générateur de charge par requête', value: r.clientCpuMsPerRequest, unit: 'ms' }]),
  ];
  return {
    name: 'load',
    title: `Charge HTTP : ${r.clients} clients, ${r.needs.toLocaleString('fr-FR')} besoins, ${r.seconds} s`,
    rows: [
      { label: 'requêtes', value: r.requests, unit: 'req' },
      { label: 'débit', value: r.requestsPerSecond, unit: 'req/s' },
      { label: 'erreurs', value: r.errors, unit: '', target: '0', isMet: r.errors === 0 },
      { label: 'p50', value: r.p50Ms, unit: 'ms' },
      { label: 'p95', value: r.p95Ms, unit: 'ms' },
      { label: 'p99', value: r.p99Ms, unit: 'ms', target: '< 100 ms', isMet: r.p99Ms < 100 },
      ...cpuRows,
      ...(twoWorkers === undefined
        ? []
        : [
            { label: 'comparaison --workers 2 : débit', value: twoWorkers.requestsPerSecond, unit: 'req/s' },
            { label: 'comparaison --workers 2 : erreurs', value: twoWorkers.errors, unit: '' },
            { label: 'comparaison --workers 2 : p50', value: twoWorkers.p50Ms, unit: 'ms' },
            { label: 'comparaison --workers 2 : p99', value: twoWorkers.p99Ms, unit: 'ms' },
            ...(twoWorkers.serverCpuMsPerRequest === undefined
              ? []
              : [{ label: 'comparaison --workers 2 : CPU serveur par requête', value: twoWorkers.serverCpuMsPerRequest, unit: 'ms' }]),
          ]),
    ],
    notes: [
      ...Object.entries(r.byEndpoint).map(
        ([name, f]) => `${name} : ${f.requests} req, ${f.errors} erreurs, p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms, p99 ${f.p99Ms} ms`,
      ),
      ...(r.errors === 0
        ? []
        : [
            `causes des erreurs : ${Object.entries(r.errorCauses)
              .map(([cause, n]) => `${cause} × ${n}`)
              .join(', ')} (timeout = pas de réponse en 10 s)`,
          ]),
      `Serveur réel (\`mutualis serve --workers ${r.workers}\`, SQLite, une session connectée par client ; CPU serveur = somme des processus ; les lignes « comparaison » relancent aussitôt la même charge sur \`--workers 2\`) ; générateur de charge en boucle fermée sur sockets HTTP/1.1 keep-alive ouvertes avant le départ du chrono (bench/load-client.ts, quelques dizaines de µs de CPU par requête au lieu d’environ 1 ms pour le client node:http utilisé jusque-là), sur les mêmes deux cœurs que le serveur.`,
    ],
  };
}

/** Runs one module in a child process (`--child <name> <out.json>`); a crash becomes a report that says so. */
function runInChild(module: BenchModule, dir: string): BenchReport {
  const out = join(dir, `${module.name}.json`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', module.name, out], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  if (child.status === 0 && existsSync(out)) return JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return {
    name: module.name,
    title: `${module.name} : échec`,
    rows: [],
    notes: [`le processus du bench s’est arrêté (code ${child.status ?? child.signal}) après ${seconds} s`],
  };
}

interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  freeMemoryGb: number;
  node: string;
  loadAverage: number[];
}

function describeMachine(): Machine {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'inconnu',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const SECTION_MARK = /^<!-- bench:([a-z]+) -->$/m;

/** One bench's section, opened by a marker so that a partial run (BENCH_ONLY) can replace it alone. */
function toSection(machine: Machine, report: BenchReport, isQuick: boolean): string {
  const lines = [
    `<!-- bench:${report.name} -->`,
    `## ${report.title}`,
    '',
    `- Mesuré le ${machine.date}, charge de la machine au départ ${machine.loadAverage.join(' / ')}` +
      (isQuick ? ' — **tailles réduites (BENCH_QUICK=1) : les cibles portent sur les tailles complètes**' : ''),
    '',
    '| Measure | Value | CPU | Target | |',
    '|---|---:|---:|---|:-:|',
  ];
  for (const row of report.rows) {
    const cpu = row.cpuMs === undefined ? '' : `${formatNumber(row.cpuMs)} ms`;
    const verdict = row.target === undefined ? '' : mark(row.isMet ?? false);
    lines.push(`| ${row.label} | ${formatNumber(row.value)} ${row.unit} | ${cpu} | ${row.target ?? ''} | ${verdict} |`);
  }
  if (report.notes.length > 0) lines.push('', ...report.notes.map((n) => `- ${n}`));
  lines.push('');
  return lines.join('\n');
}

/** Sections of an existing docs/benchmarks.md, by bench name. */
function readSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = text.split(/^(?=<!-- bench:[a-z]+ -->$)/m);
  for (const part of parts) {
    const name = SECTION_MARK.exec(part)?.[1];
    if (name !== undefined) sections.set(name, part.trimEnd().concat('\n'));
  }
  return sections;
}

function toMarkdown(machine: Machine, sections: readonly string[]): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); each bench runs in its own process. Re-run to refresh;',
    '`BENCH_ONLY=pooling,decp` re-runs some benches and keeps the other sections as they were (each section says when it was measured).',
    '',
    `- Machine: ${machine.cpus} CPU (nproc), ${machine.cpuModel}, ${machine.memoryGb} GB memory`,
    `- Node ${machine.node}`,
    '- Wall times are inflated when the machine is loaded by other work (the load average is given per section);',
    '  CPU times (process.cpuUsage, all threads) are then the figures to compare.',
    '',
  ];
  return `${lines.join('\n')}\n${sections.join('\n')}`;
}

async function main(): Promise<void> {
  const [flag, name, out] = process.argv.slice(2);
  if (flag === '--child') {
    const module = MODULES.find((m) => m.name === name);
    if (module === undefined || out === undefined) throw new Error(`bench inconnu : ${name}`);
    const report = await module.run();
    writeFileSync(out, JSON.stringify(report));
    console.log(formatReport(report));
    return;
  }
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const modules = MODULES.filter((m) => existsSync(join(BENCH_DIR, m.file)) && (only === undefined || only.includes(m.name)));
  const machine = describeMachine();
  console.log(`${machine.cpus} CPU, ${machine.memoryGb} Go, Node ${machine.node}, charge ${machine.loadAverage.join(' / ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'mutualis-bench-'));
  try {
    const reports = modules.map((module) => runInChild(module, dir));
    const isQuick = process.env.BENCH_QUICK === '1';
    const previous = existsSync(DOC) ? readSections(readFileSync(DOC, 'utf8')) : new Map<string, string>();
    const fresh = new Map(reports.map((r) => [r.name, toSection(machine, r, isQuick)]));
    const sections = MODULES.flatMap((m) => fresh.get(m.name) ?? (only === undefined ? undefined : previous.get(m.name)) ?? []);
    // Sections of no bench module (measurements made by hand, each saying how) are kept as they are.
    const handWritten = [...previous].filter(([name]) => !MODULES.some((m) => m.name === name)).map(([, text]) => text);
    sections.push(...handWritten);
    writeFileSync(DOC, toMarkdown(machine, sections));
    console.log(`\nRésultats écrits dans ${DOC}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
