import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const LOADERS = fileURLToPath(new URL('../bin/loaders.mjs', import.meta.url));

/** Runs a TypeScript script loaded as the `mutualis` bin loads its sources. */
function runWithLoaders(script: string) {
  return run(process.execPath, ['--import', LOADERS, script], { timeout: 60_000 });
}

describe('the loaders of the mutualis bin', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mutualis-loaders-'));
    await writeFile(join(dir, 'package.json'), '{"type": "module"}');
    await writeFile(join(dir, 'data.json'), '{"label": "Sel de déneigement", "codes": ["34927100", "14410000"]}');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('run TypeScript and give a JSON module the value JSON.parse gives its text', async () => {
    const script = join(dir, 'default.ts');
    await writeFile(
      script,
      "import data from './data.json' with { type: 'json' };\nconst typed: { label: string } = data;\nconsole.log(JSON.stringify(typed));\n",
    );
    const { stdout } = await runWithLoaders(script);
    expect(JSON.parse(stdout)).toEqual({ label: 'Sel de déneigement', codes: ['34927100', '14410000'] });
  });

  // tsx alone turns a JSON file into a JavaScript module with one export per key, so that this
  // named import works; Node's JSON loader, which the bin uses instead, gives a default export only.
  it("hand JSON modules to Node's own loader, not to tsx", async () => {
    const script = join(dir, 'named.ts');
    await writeFile(script, "import { label } from './data.json' with { type: 'json' };\nconsole.log(label);\n");
    await expect(runWithLoaders(script)).rejects.toMatchObject({
      stderr: expect.stringMatching(/does not provide an export named 'label'/),
    });
  });
});
