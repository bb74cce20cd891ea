// How `mutualis` loads its TypeScript sources (no build step): tsx for TypeScript, Node's own
// loader for JSON modules (json-modules.mjs). Registered last, the JSON hook runs before tsx's.
// A process that runs the sources without the bin (the bench's import process) imports this first:
//   node --import ./packages/cli/bin/loaders.mjs <script.ts>
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('./json-modules.mjs', import.meta.url);
