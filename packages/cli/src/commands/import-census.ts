import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type CensusImportResult, countFr, formatNumberFr } from '@mutualis/contract';
import type { CensusImportMode } from '@mutualis/server';
import type { CommandContext } from '../command';
import { failOnIssues, stringFlag, withDatabase } from './command-flags';
import { cliActor, withImportJobs } from './import-jobs-cli';

const MODES = { all: 'all', valid: 'valid' } as const satisfies Record<string, CensusImportMode>;

/**
 * `mutualis import census --organization <siret> <file.xlsx|csv> [--accept valid|all] [--confirm-amounts]`:
 * without --accept the file is only checked; with it, stored and recorded in the import history (undo:
 * `mutualis import undo <id>`). Rows with unusual amounts are stored only with --confirm-amounts.
 * Exit status 65 when nothing could be stored.
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
  const { result, importId } = await withDatabase(ctx, async (m) => {
    const repos = createRepositories(m);
    const organization = await repos.organizations.getBySiret(siret ?? '');
    if (!organization) throw new DomainError('not_found', `Aucune organisation de SIRET ${siret}.`);
    const fileName = basename(file ?? '');
    if (mode === 'dry_run')
      return { result: await importCensus({ m, repos, organization, fileName, content, mode, confirmAmounts }), importId: null };
    const [territoryId] = await repos.memberships.listTerritoryIds(organization.id);
    if (territoryId === undefined) throw new DomainError('not_found', `L’organisation ${siret} n’est membre d’aucun territoire.`);
    const record = await withImportJobs(ctx, m, async (jobs) => {
      const started = await jobs.startCensus({
        territoryId,
        organizationId: organization.id,
        actor: cliActor(),
        upload: { path: file ?? '', name: fileName },
        mode: mode ?? 'dry_run',
        confirmAmounts,
        isCallerFile: true,
      });
      await jobs.idle();
      return jobs.record(started.id);
    });
    if (record.status === 'failed') throw new DomainError('unreadable_file', record.error ?? 'Import du recensement échoué.');
    return { result: (record.result as { census: CensusImportResult }).census, importId: record.id };
  });
  const rows = result.dryRun
    ? `${countFr(result.rowCount, 'ligne vérifiée')} (rien n’est enregistré sans --accept)`
    : countFr(result.rowCount, 'ligne lue');
  ctx.out(`${rows} : ${countFr(result.valid, 'valide')}, ${countFr(result.errors.length, 'erreur')}.`);
  if (!result.dryRun)
    ctx.out(
      `Besoins enregistrés : ${countFr(result.stored.created, 'créé')}, ${formatNumberFr(result.stored.updated)} mis à jour (import ${importId}).`,
    );
  for (const e of result.errors)
    ctx.out(`  ${e.sheet ?? ''}${e.sheet ? ' ' : ''}ligne ${e.row ?? '?'} colonne ${e.column || '?'} (${e.field}) : ${e.reason}`);
  for (const e of result.toConfirm) {
    const how = result.amountsConfirmed ? 'enregistrée telle quelle' : 'à confirmer (--confirm-amounts)';
    ctx.out(`  ${e.sheet ?? ''}${e.sheet ? ' ' : ''}ligne ${e.row ?? '?'} colonne ${e.column || '?'} (${e.field}), ${how} : ${e.reason}`);
  }
  return result.status === 'rejected' ? 65 : 0;
}
