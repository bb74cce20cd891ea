// Type-checks every workspace with its own tsconfig (core and contract without Node types).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const configs = [
  'core/tsconfig.json',
  'core/tsconfig.test.json',
  'contract/tsconfig.json',
  'db/tsconfig.json',
  'server/tsconfig.json',
  'cli/tsconfig.json',
  'web/tsconfig.json',
  'web/tsconfig.e2e.json',
]
  .map((c) => `packages/${c}`)
  .filter((c) => existsSync(c));
let failed = false;
for (const config of configs) {
  const r = spawnSync('npx', ['tsc', '-p', config], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed = true;
    console.error(`typecheck failed: ${config}`);
  }
}
if (existsSync('bench/tsconfig.json')) {
  const r = spawnSync('npx', ['tsc', '-p', 'bench/tsconfig.json'], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
