// Child process of bench/decp.ts: runs `mutualis import decp --json` (the command's own code,
// loaded through tsx as the `mutualis` bin does) on a migrated SQLite file, then prints one JSON
// line: the import's wall and CPU time, the RSS before it, and the process's peak RSS as the
// kernel tracked it (ru_maxrss). A timer sampling `process.memoryUsage()` misses the synchronous
// phases (a `CREATE INDEX`, a needs refresh), during which no timer fires.
//   tsx bench/decp-import-process.ts <DECP file> <SQLite file>
import { main } from '../packages/cli/src/main';
import { cpuMsSince } from './measure';

const [file, dbPath] = process.argv.slice(2);
if (file === undefined || dbPath === undefined) throw new Error('usage: decp-import-process.ts <DECP file> <SQLite file>');
const env = { ...process.env, DATABASE_URL: `sqlite:${dbPath}` };
if ((await main(['migrate'], env, () => {})) !== 0) throw new Error('migrate failed');
// Loaded before the clock starts (the command then finds it in the module cache): the measure is the import.
await import('@mutualis/server/import');

const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const lines: string[] = [];
const start = performance.now();
const cpu = process.cpuUsage();
const status = await main(['import', 'decp', '--territory', 'bench', '--json', file], env, (line) => lines.push(line));
const seconds = (performance.now() - start) / 1000;
const cpuSeconds = cpuMsSince(cpu) / 1000;
if (status !== 0) throw new Error(`mutualis import decp exited with ${status}`);
const summary = JSON.parse(lines.join('\n')) as { read: number; imported: number };
process.stdout.write(
  `${JSON.stringify({
    seconds,
    cpuSeconds,
    rssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    read: summary.read,
    imported: summary.imported,
  })}\n`,
);
