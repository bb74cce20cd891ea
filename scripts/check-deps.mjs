// Enforces the one-way dependency rule between workspaces (see ARCHITECTURE.md):
// web → contract; server → contract, db, core; cli → server, db, core; db → core; contract, core → nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const allowed = {
  core: [],
  contract: ['core'],
  db: ['core'],
  server: ['contract', 'db', 'core'],
  cli: ['server', 'db', 'core', 'contract'],
  web: ['contract'],
};
const forbiddenInPure = /from ['"](node:|fs|path|child_process|os|crypto|http|https|net|stream|process)['"/]/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const problems = [];
for (const [pkg, deps] of Object.entries(allowed)) {
  for (const file of files(join('packages', pkg, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from ['"]@mutualis\/([a-z]+)/g)) {
      if (m[1] !== pkg && !deps.includes(m[1])) problems.push(`${file}: ${pkg} must not import @mutualis/${m[1]}`);
    }
    if ((pkg === 'core' || pkg === 'contract') && !file.endsWith('.test.ts') && forbiddenInPure.test(text)) {
      problems.push(`${file}: ${pkg} is pure and must not import Node I/O modules`);
    }
  }
}
for (const file of files('packages')) {
  if (/\.\.\/shared|\/work\/shared/.test(readFileSync(file, 'utf8')) && !file.includes('/test/') && !file.endsWith('.test.ts')) {
    problems.push(`${file}: the product must never read ../shared at run time`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('dependency rules: ok');
