// Entry of the DECP reading worker (see read-decp-slices-in-worker.ts). A worker inherits no module
// loader, neither the `mutualis` bin's tsx nor Vitest's: it registers tsx's require hook itself,
// then loads its TypeScript body.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
require('./decp-slices-worker.ts');
