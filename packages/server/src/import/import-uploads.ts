import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DecpImportFile } from './decp-import-pass';

/** How long an import's uploaded files are kept in the import directory. */
const UPLOAD_KEPT_MS = 24 * 3600 * 1000;

/** Moves (or copies, across file systems) the uploaded files into the import's own folder of `importDir`. */
export async function keepUploads(importDir: string, importId: string, uploads: readonly DecpImportFile[]): Promise<DecpImportFile[]> {
  const dir = join(importDir, importId);
  await mkdir(dir, { recursive: true });
  return Promise.all(
    uploads.map(async (upload, i) => {
      const path = join(dir, `${i}-${upload.name.replace(/[/\\]/g, '_')}`);
      await rename(upload.path, path).catch(async () => copyFile(upload.path, path));
      return { path, name: upload.name };
    }),
  );
}

/** Removes the folders of imports older than a day. */
export async function sweepOldUploads(importDir: string): Promise<void> {
  const entries = await readdir(importDir).catch(() => []);
  for (const name of entries) {
    const path = join(importDir, name);
    const info = await stat(path).catch(() => null);
    if (info !== null && Date.now() - info.mtimeMs > UPLOAD_KEPT_MS) await rm(path, { recursive: true, force: true });
  }
}
