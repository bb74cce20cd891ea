// Type-checks every project of the solution tsconfig.json in dependency order (`tsc -b`): each
// package references only the packages it may import, so a relative path into another package's
// files fails to compile (TS6307), tests included; core and contract have no Node types.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['tsc', '-b', 'tsconfig.json'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
