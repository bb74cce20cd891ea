import { countFr, type ImportRecordDto } from '@mutualis/contract';
import type { CommandContext } from '../command';
import { failOnIssues, stringFlag, withDatabase } from './command-flags';
import { integer, withImportJobs } from './import-jobs-cli';

const STATUS_LABELS: Record<ImportRecordDto['status'], string> = {
  previewing: 'aperçu en cours',
  previewed: 'prévisualisé, non confirmé',
  running: 'en cours',
  done: 'terminé',
  failed: 'échoué (rien n’est resté)',
  undoing: 'annulation en cours',
  undone: 'annulé',
};

/** `mutualis import history --territory <slug> [--json]`: who imported what and when, newest first. */
export async function runImportHistory(ctx: CommandContext): Promise<number> {
  const slug = stringFlag(ctx.flags, 'territory');
  await failOnIssues(slug ? [] : [{ field: '--territory', reason: 'indiquez le territoire (ex. --territory alsace)' }]);
  const { toImportDto } = await import('@mutualis/server/import');
  const { createRepositories } = await import('@mutualis/db');
  const { DomainError } = await import('@mutualis/core');
  return withDatabase(ctx, async (m) => {
    const repos = createRepositories(m);
    const territory = await repos.territories.getBySlug(slug ?? '');
    if (!territory) throw new DomainError('not_found', `Aucun territoire « ${slug} ».`);
    const imports = (await repos.imports.listForTerritory(territory.id)).map(toImportDto);
    if (ctx.flags.json === true) ctx.out(JSON.stringify(imports, null, 2));
    else if (imports.length === 0) ctx.out('Aucun import.');
    else for (const line of imports.map(historyLine)) ctx.out(line);
    return 0;
  });
}

/** `mutualis import undo <id>`: undoes a finished import (its contracts, needs, memberships and the organizations it created). */
export async function runImportUndo(ctx: CommandContext, ids: readonly string[]): Promise<number> {
  const [id] = ids;
  await failOnIssues(
    id !== undefined && ids.length === 1 ? [] : [{ field: 'identifiant', reason: 'indiquez l’import à annuler (mutualis import history)' }],
  );
  const { cliActor } = await import('./import-jobs-cli');
  return withDatabase(ctx, async (m) => {
    const record = await withImportJobs(ctx, m, (jobs) => jobs.undoNow(id ?? '', cliActor().label));
    const undo = (record.result as { undo?: { contractsRemoved: number; contractsRestored: number; organizationsRemoved: number } }).undo;
    ctx.out(
      `Import ${record.id} annulé : ${countFr(undo?.contractsRemoved ?? 0, 'contrat retiré')}, ${countFr(undo?.contractsRestored ?? 0, 'rétabli')}, ` +
        `${countFr(undo?.organizationsRemoved ?? 0, 'organisation retirée')}.`,
    );
    return 0;
  });
}

function historyLine(record: ImportRecordDto): string {
  const when = new Date(record.createdAt).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const what = record.kind === 'decp' ? 'DECP' : 'recensement';
  const counts =
    record.decpResult !== null
      ? ` — ${countFr(record.decpResult.imported, 'contrat importé')}, ${integer(record.decpResult.updated)} mis à jour`
      : record.censusResult !== null && !record.censusResult.dryRun
        ? ` — ${countFr(record.censusResult.stored.created, 'besoin créé')}, ${integer(record.censusResult.stored.updated)} mis à jour`
        : '';
  return `${record.id}  ${when}  ${what}  ${record.fileNames.join(', ')}  par ${record.actor}  ${STATUS_LABELS[record.status]}${counts}`;
}

const JOB_ACTIONS = ['preview', 'run', 'undo', 'rollback'] as const;

/** `mutualis import job <preview|run|undo|rollback> <id>`: runs one DECP job of the server's queue (started by `mutualis serve`). */
export async function runImportJob(ctx: CommandContext, args: readonly string[]): Promise<number> {
  const [action, id] = args;
  const known = JOB_ACTIONS.find((a) => a === action);
  await failOnIssues(
    known !== undefined && id !== undefined && args.length === 2
      ? []
      : [{ field: 'job', reason: `attendu : ${JOB_ACTIONS.join('|')} <identifiant>` }],
  );
  return withDatabase(ctx, async (m) => {
    await withImportJobs(ctx, m, (jobs) => jobs.runJob(known ?? 'preview', id ?? ''), { isRecovering: false });
    return 0;
  });
}
