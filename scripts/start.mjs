// `npm start`: builds the web app when its sources (or contract's and core's, which it bundles)
// are newer than packages/web/dist (or dist is missing), then runs `mutualis serve` (migrations, demo data on an empty database) and prints
// the cold start time once the server listens. Works from a clean clone after `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const startedAt = performance.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages', 'web');
const distIndex = join(web, 'dist', 'index.html');

/** Newest modification time under `path` (file or directory), 0 when absent. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => (name === 'node_modules' ? newest : Math.max(newest, newestMtime(join(path, name)))),
    stat.mtimeMs,
  );
}

function webBuildNeeded() {
  if (!existsSync(join(web, 'index.html'))) return false;
  if (!existsSync(distIndex)) return true;
  const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newestMtime(join(web, p))));
  // The bundle holds what the web imports from contract and, through it, from core (labels, rules).
  const shared = ['contract', 'core'].map((p) => newestMtime(join(root, 'packages', p, 'src')));
  return Math.max(sources, ...shared) > statSync(distIndex).mtimeMs;
}

if (webBuildNeeded()) {
  console.log('Construction de l’interface web (vite build)…');
  const build = spawnSync('npx', ['vite', 'build', 'packages/web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('La construction de l’interface web a échoué ; le serveur démarre avec l’API seule.');
  }
} else if (!existsSync(join(web, 'index.html'))) {
  console.log('Pas d’interface web à construire (packages/web/index.html absent) : API seule.');
}

mkdirSync(join(root, 'data'), { recursive: true });

const child = spawn(process.execPath, [join(root, 'packages', 'cli', 'bin', 'mutualis.mjs'), 'serve', ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});
let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && String(chunk).includes('Mutualis écoute sur')) {
    announced = true;
    console.log(`Démarrage à froid : ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
