// The product never reads ../shared at run time (ARCHITECTURE.md): no package source outside tests
// names it. (The dependency rule between packages is the compiler's and the linter's: tsconfig
// project references and Biome's noRestrictedImports.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === '.tsbuild') return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const problems = files('packages').filter(
  (file) => /\.\.\/shared|\/work\/shared/.test(readFileSync(file, 'utf8')) && !file.includes('/test/') && !file.endsWith('.test.ts'),
);
if (problems.length) {
  console.error(problems.map((file) => `${file}: the product must never read ../shared at run time`).join('\n'));
  process.exit(1);
}
console.log('no ../shared read at run time: ok');
