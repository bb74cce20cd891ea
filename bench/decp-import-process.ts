// Child process of bench/decp.ts: runs `mutualis import decp --include-outside --confirm --json`
// (the command's own code, loaded as the `mutualis` bin loads it: packages/cli/bin/loaders.mjs)
// on a migrated SQLite file, then prints one JSON line: the import's wall and CPU time, the RSS
// before it, and the process's peak RSS as the kernel tracked it (ru_maxrss). A timer sampling
// `process.memoryUsage()` misses the synchronous phases, during which no timer fires.
//   node --import ./packages/cli/bin/loaders.mjs bench/decp-import-process.ts <DECP file> <database url>
import { main } from '../packages/cli/src/main';

const [file, url] = process.argv.slice(2);
if (file === undefined || url === undefined) throw new Error('usage: decp-import-process.ts <DECP file> <database url>');
const env = { ...process.env, DATABASE_URL: url };
if ((await main(['migrate'], env, () => {})) !== 0) throw new Error('migrate failed');

const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const lines: string[] = [];
const start = performance.now();
const cpu = process.cpuUsage();
const status = await main(['import', 'decp', '--territory', 'bench', '--include-outside', '--confirm', '--json', file], env, (line) =>
  lines.push(line),
);
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
if (status !== 0) throw new Error(`mutualis import decp exited with ${status}`);
const result = JSON.parse(lines.join('\n')) as { read: number; imported: number; proposedNeeds: { created: number } };
process.stdout.write(
  `${JSON.stringify({
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    rssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    read: result.read,
    imported: result.imported,
    needs: result.proposedNeeds.created,
  })}\n`,
);
