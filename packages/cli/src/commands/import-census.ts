import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CensusImportMode } from '@mutualis/server';
import type { CommandContext } from '../command';
import { failOnIssues, stringFlag, withDatabase } from './command-flags';

const MODES = { all: 'all', valid: 'valid' } as const satisfies Record<string, CensusImportMode>;

/**
 * `mutualis import census --organization <siret> <file.xlsx|csv> [--accept valid|all] [--confirm-amounts]`:
 * without --accept the file is only checked; rows with unusual amounts are stored only with
 * --confirm-amounts. Exit status 65 when nothing could be stored.
 */
export async function runImportCensus(ctx: CommandContext, files: readonly string[]): Promise<number> {
  const siret = stringFlag(ctx.flags, 'organization');
  const accept = stringFlag(ctx.flags, 'accept');
  const mode: CensusImportMode | undefined = accept === undefined ? 'dry_run' : MODES[accept as keyof typeof MODES];
  const confirmAmounts = ctx.flags['confirm-amounts'] === true;
  const [file] = files;
  await failOnIssues([
    ...(siret ? [] : [{ field: '--organization', reason: 'indiquez le SIRET de l’organisation' }]),
    ...(mode ? [] : [{ field: '--accept', reason: 'valeurs admises : valid, all' }]),
    ...(file !== undefined && files.length === 1 ? [] : [{ field: 'fichier', reason: 'indiquez un fichier .xlsx ou .csv' }]),
  ]);
  const { DomainError } = await import('@mutualis/core');
  const { createRepositories } = await import('@mutualis/db');
  const { importCensus } = await import('@mutualis/server');
  const content = await readFile(file ?? '').catch(() => {
    throw new DomainError('unreadable_file', `Impossible de lire ${file}.`);
  });
  const result = await withDatabase(ctx, async (m) => {
    const repos = createRepositories(m);
    const organization = await repos.organizations.getBySiret(siret ?? '');
    if (!organization) throw new DomainError('not_found', `Aucune organisation de SIRET ${siret}.`);
    return importCensus({ m, repos, organization, fileName: basename(file ?? ''), content, mode: mode ?? 'dry_run', confirmAmounts });
  });
  const verb = result.dryRun ? 'vérifiées (rien n’est enregistré sans --accept)' : 'lues';
  ctx.out(`${result.rowCount} lignes ${verb} : ${result.valid} valides, ${result.errors.length} erreurs.`);
  if (!result.dryRun) ctx.out(`Besoins enregistrés : ${result.stored.created} créés, ${result.stored.updated} mis à jour.`);
  for (const e of result.errors)
    ctx.out(`  ${e.sheet ?? ''}${e.sheet ? ' ' : ''}ligne ${e.row ?? '?'} colonne ${e.column || '?'} (${e.field}) : ${e.reason}`);
  for (const e of result.toConfirm) {
    const how = result.amountsConfirmed ? 'enregistrée telle quelle' : 'à confirmer (--confirm-amounts)';
    ctx.out(`  ${e.sheet ?? ''}${e.sheet ? ' ' : ''}ligne ${e.row ?? '?'} colonne ${e.column || '?'} (${e.field}), ${how} : ${e.reason}`);
  }
  return result.status === 'rejected' ? 65 : 0;
}
