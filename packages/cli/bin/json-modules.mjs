// Module hook: a JSON module (the reference data of core, `import … with { type: 'json' }`) is
// handed to Node's own JSON loader, which parses it with `JSON.parse`. Without it tsx turns each
// JSON file into a JavaScript module (one export per key) that V8 must compile, which takes far
// more memory than parsing it (docs/benchmarks.md, bench:decpperf).
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json')) {
    return { format: 'json', source: await readFile(new URL(url), 'utf8'), shortCircuit: true };
  }
  return nextLoad(url, context);
}
