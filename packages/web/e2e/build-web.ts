import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Puts the production bundle of the web app (what the server serves) into `outDir`.
 * `npm test` builds it once and points MUTUALIS_WEB_DIST at it, so each flow only copies it;
 * run alone, a flow builds it itself.
 */
export async function buildWeb(outDir: string): Promise<void> {
  const prebuilt = process.env.MUTUALIS_WEB_DIST;
  if (prebuilt && existsSync(join(prebuilt, 'index.html'))) {
    cpSync(prebuilt, outDir, { recursive: true });
    return;
  }
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    root: webRoot,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}
