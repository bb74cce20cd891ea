import { basename } from 'node:path';
import {
  countFr,
  type DecpImportPreview,
  type DecpImportResult,
  type DecpImportScope,
  describeDecpCoverage,
  describeDecpFlagCounts,
  describeDecpTextRepairs,
  type ImportProgress,
} from '@mutualis/contract';
import type { CommandContext } from '../command';
import { failOnIssues, stringFlag, withDatabase } from './command-flags';
import { cliActor, formatDuration, integer, withImportJobs } from './import-jobs-cli';

/**
 * `mutualis import decp --territory <slug> [--departements 67,68] [--include-outside] [--confirm]
 * [--json] <files…>`: without `--confirm`, prints what the import would do (buyers inside and
 * outside the territory, contracts new / updated / unchanged, proposed needs) and stores nothing;
 * with it, imports, printing its progress on a terminal, and records it in the import history.
 * Without `--departements`, the scope is the départements where the territory's members are.
 */
export async function runImportDecp(ctx: CommandContext, files: readonly string[]): Promise<number> {
  const slug = stringFlag(ctx.flags, 'territory');
  const departements = stringFlag(ctx.flags, 'departements')
    ?.split(',')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  const badCodes = (departements ?? []).filter((code) => !/^(\d{2}|2A|2B|97\d)$/.test(code));
  await failOnIssues([
    ...(slug ? [] : [{ field: '--territory', reason: 'indiquez le territoire (ex. --territory alsace)' }]),
    ...(files.length > 0 ? [] : [{ field: 'fichiers', reason: 'indiquez au moins un fichier DECP (.json, .xml ou .csv)' }]),
    ...(badCodes.length === 0 ? [] : [{ field: '--departements', reason: `codes de département invalides : ${badCodes.join(', ')}` }]),
  ]);
  const { previewDecpImport } = await import('@mutualis/server/import');
  const { createDecpStore, createRepositories } = await import('@mutualis/db');
  const progress = process.stderr.isTTY ? progressLine() : undefined;
  return withDatabase(ctx, async (m) => {
    const territory = await ensureTerritory(createRepositories(m), slug ?? '', ctx);
    const scope: DecpImportScope = {
      departements: departements ?? (await createDecpStore(m).memberDepartements(territory.id)),
      includeOutside: ctx.flags['include-outside'] === true,
    };
    const decpFiles = files.map((path) => ({ path, name: basename(path) }));
    if (ctx.flags.confirm !== true) {
      const preview = await previewDecpImport({ m, territoryId: territory.id, files: decpFiles, scope, onProgress: progress?.update });
      progress?.end();
      if (ctx.flags.json === true) ctx.out(JSON.stringify(preview, null, 2));
      else for (const line of previewLines(preview)) ctx.out(line);
      return 0;
    }
    const record = await withImportJobs(ctx, m, (jobs) =>
      jobs.importDecpNow({ territoryId: territory.id, actor: cliActor(), files: decpFiles, scope, onProgress: progress?.update }),
    );
    progress?.end();
    const result = (record.result as { decp: DecpImportResult }).decp;
    if (ctx.flags.json === true) ctx.out(JSON.stringify({ importId: record.id, ...result }, null, 2));
    else for (const line of resultLines(record.id, result)) ctx.out(line);
    return 0;
  });
}

/** The territory of `slug`; created (named by its slug) when it does not exist yet, as a first import does. */
async function ensureTerritory(repos: import('@mutualis/db').Repositories, slug: string, ctx: CommandContext) {
  const existing = await repos.territories.getBySlug(slug);
  if (existing) return existing;
  if (ctx.flags.json !== true) ctx.out(`Territoire « ${slug} » créé.`);
  return repos.territories.insert({ slug, name: slug, poolingScope: { kind: 'territory' }, isDemo: false });
}

function previewLines(preview: DecpImportPreview): string[] {
  const { contracts, buyers, needs, scope } = preview;
  const where = scope.departements.length === 0 ? 'aucun département' : `les départements ${scope.departements.join(', ')}`;
  const perimeter = scope.includeOutside
    ? 'tous les acheteurs du fichier (--include-outside)'
    : `membres du territoire et acheteurs situés dans ${where}`;
  const lines = [
    `Aperçu — rien n’est enregistré sans --confirm. Périmètre : ${perimeter}.`,
    `${countFr(preview.read, 'enregistrement lu', 'enregistrements lus')} : ${countFr(preview.rejected, 'rejeté')}, ${countFr(preview.duplicates, 'doublon')}.`,
    `Contrats retenus : ${countFr(contracts.new, 'nouveau')}, ${integer(contracts.updated)} mis à jour, ${countFr(contracts.unchanged, 'inchangé')}, dont ${countFr(contracts.flagged, 'signalé')}${flagsOf(contracts.flaggedByCode)}.`,
    `Acheteurs du territoire : ${integer(buyers.inside.count)} (${countFr(buyers.inside.members, 'membre')}, ${countFr(buyers.inside.located, 'situé')} dans le périmètre, ${integer(buyers.inside.new)} à créer).`,
    `Acheteurs hors du territoire, non importés : ${integer(buyers.outside.count)} (${countFr(buyers.outside.records, 'marché')})${buyers.outside.byDepartement.length === 0 ? '.' : ' :'}`,
    ...buyers.outside.byDepartement
      .slice(0, 10)
      .map((d) => `  ${d.code || 'lieu inconnu'} : ${countFr(d.buyers, 'acheteur')}, ${countFr(d.records, 'marché')}`),
    `Besoins proposés : ${countFr(needs.new, 'nouveau')}, ${integer(needs.existing)} déjà ${needs.existing >= 2 ? 'proposés' : 'proposé'} (mis à jour).`,
  ];
  return [...lines, ...rejectionLines(preview.rejections)];
}

function resultLines(importId: string, result: DecpImportResult): string[] {
  return [
    `Import ${importId} terminé (annulable : mutualis import undo ${importId}).`,
    `${countFr(result.read, 'enregistrement lu', 'enregistrements lus')} : ${countFr(result.imported, 'importé')}, ${integer(result.updated)} mis à jour, ` +
      `${countFr(result.unchanged, 'inchangé')}, ${countFr(result.duplicates, 'doublon')}, ${countFr(result.flagged, 'signalé')}, ` +
      `${countFr(result.rejected, 'rejeté')}, ${integer(result.outside)} hors du territoire.`,
    `Rejetés (pas un marché public d’un acheteur) : ${integer(result.rejectedByKind.test)} de test, ` +
      `${countFr(result.rejectedByKind.concession, 'concession')}, ${integer(result.rejectedByKind.no_buyer)} sans acheteur, ` +
      `${countFr(result.rejectedByKind.unreadable, 'illisible')}.`,
    `À vérifier : ${countFr(result.flagged, 'marché signalé')}${flagsOf(result.flaggedByCode)}, ${countFr(result.amountAnomalies, 'montant anormal')} (toutes données DECP).`,
    ...(describeDecpTextRepairs(result.repairedTexts) === '' ? [] : [describeDecpTextRepairs(result.repairedTexts)]),
    `Besoins proposés : ${countFr(result.proposedNeeds.created, 'créé')}, ${integer(result.proposedNeeds.updated)} mis à jour. ${describeDecpCoverage()}`,
    ...rejectionLines(result.rejections),
  ];
}

/** « (non daté : 1 870, titulaire non identifié : 92) », or nothing. */
function flagsOf(counts: DecpImportResult['flaggedByCode']): string {
  const kinds = describeDecpFlagCounts(counts);
  return kinds === '' ? '' : ` (${kinds})`;
}

function rejectionLines(rejections: DecpImportResult['rejections']): string[] {
  const shown = rejections
    .slice(0, 20)
    .map((r) => `  ${r.file} ${r.line === undefined ? `#${r.record}` : `ligne ${r.line}`} ${r.field} : ${r.reason}`);
  const more =
    rejections.length > shown.length ? [`  … et ${countFr(rejections.length - shown.length, 'autre')} (--json pour tout voir)`] : [];
  return [...shown, ...more];
}

/** One rewritten line on stderr: share of the files read, records read, kept and flagged, time left. */
function progressLine() {
  return {
    update(p: ImportProgress) {
      const percent = p.totalBytes > 0 ? Math.round((p.bytesRead / p.totalBytes) * 100) : 100;
      const bar = '█'.repeat(Math.round(percent / 5)).padEnd(20, '░');
      const left = p.phase === 'needs' ? 'besoins proposés…' : p.secondsLeft === null ? '' : `reste ~${formatDuration(p.secondsLeft)}`;
      process.stderr.write(
        `\r${bar} ${String(percent).padStart(3)} % ${p.fileName} · ${countFr(p.read, 'lu')} · ${countFr(p.kept, 'retenu')} · ${countFr(p.flagged, 'signalé')} · ${countFr(p.rejected, 'rejeté')} · ${left}\u001b[K`,
      );
    },
    end() {
      process.stderr.write('\n');
    },
  };
}
