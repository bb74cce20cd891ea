import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DecpImportResult } from '@mutualis/contract';
import { createRepositories, type MutualisDb } from '@mutualis/db';
import { buildTerritory } from '../../db/test/dialects';
import { ImportJobs } from '../src/import/import-jobs';
import { readImportResults } from '../src/import/import-record';

export type ImportDecpResult = DecpImportResult & { territoryId: string; needs: { created: number; updated: number } };

/** An import as the command line runs it with `--include-outside --confirm` (every buyer of the files), recorded in the history. */
export async function importDecp(options: { m: MutualisDb; territorySlug: string; files: readonly string[] }): Promise<ImportDecpResult> {
  const repos = createRepositories(options.m);
  const territory =
    (await repos.territories.getBySlug(options.territorySlug)) ??
    (await repos.territories.insert(buildTerritory({ slug: options.territorySlug })));
  const jobs = new ImportJobs({ m: options.m, importDir: mkdtempSync(join(tmpdir(), 'imports-')), now: () => new Date() });
  const record = await jobs.importDecpNow({
    territoryId: territory.id,
    actor: { userId: null, label: 'test' },
    files: options.files.map((path) => ({ path, name: basename(path) })),
    scope: { departements: [], includeOutside: true },
  });
  const result = readImportResults(record).decp as DecpImportResult;
  return { ...result, territoryId: territory.id, needs: { created: result.proposedNeeds.created, updated: result.proposedNeeds.updated } };
}
