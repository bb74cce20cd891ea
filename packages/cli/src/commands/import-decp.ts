import type { ImportDecpProgress, ImportDecpResult } from '@mutualis/server/import';
import type { CommandContext } from '../command';
import { failOnIssues, stringFlag, withDatabase } from './command-flags';

/**
 * `mutualis import decp --territory <slug> <file…> [--json]`: imports DECP files (JSON or XML)
 * with a progress line on a terminal; `--json` prints the summary and every rejection.
 */
export async function runImportDecp(ctx: CommandContext, files: readonly string[]): Promise<number> {
  const territory = stringFlag(ctx.flags, 'territory');
  await failOnIssues([
    ...(territory ? [] : [{ field: '--territory', reason: 'indiquez le territoire (ex. --territory alsace)' }]),
    ...(files.length > 0 ? [] : [{ field: 'fichiers', reason: 'indiquez au moins un fichier DECP (.json ou .xml)' }]),
  ]);
  // The importer alone, not the HTTP server's modules: about 60 MB less resident memory.
  const { importDecp } = await import('@mutualis/server/import');
  const progress = process.stderr.isTTY ? progressLine(Date.now()) : undefined;
  const result = await withDatabase(ctx, (m) =>
    importDecp({ m, territorySlug: territory ?? '', files, ...(progress ? { onProgress: progress.update } : {}) }),
  );
  progress?.end();
  if (ctx.flags.json === true) ctx.out(JSON.stringify(toJson(result), null, 2));
  else for (const line of summaryLines(result)) ctx.out(line);
  return 0;
}

function toJson(result: ImportDecpResult) {
  const { read, imported, updated, duplicates, rejected, rejectedByKind, flagged, amountAnomalies, rejections } = result;
  return { read, imported, updated, duplicates, rejected, rejectedByKind, flagged, amountAnomalies, rejections };
}

const integer = new Intl.NumberFormat('fr-FR');

function summaryLines(result: ImportDecpResult): string[] {
  const lines = [
    `${integer.format(result.read)} enregistrements lus : ${integer.format(result.imported)} importés, ${integer.format(result.updated)} mis à jour, ` +
      `${integer.format(result.unchanged)} inchangés, ${integer.format(result.duplicates)} doublons, ${integer.format(result.rejected)} rejetés.`,
    `Rejetés (pas un marché public d’un acheteur) : ${integer.format(result.rejectedByKind.test)} de test, ` +
      `${integer.format(result.rejectedByKind.concession)} concessions, ${integer.format(result.rejectedByKind.no_buyer)} sans acheteur, ` +
      `${integer.format(result.rejectedByKind.unreadable)} illisibles.`,
    `À vérifier : ${integer.format(result.flagged)} marchés signalés, ${integer.format(result.amountAnomalies)} montants anormaux (toutes données DECP).`,
    `Besoins proposés : ${integer.format(result.needs.created)} créés, ${integer.format(result.needs.updated)} mis à jour.`,
  ];
  const shown = result.rejections.slice(0, 20).map((r) => `  ${r.file} #${r.record} ${r.field} : ${r.reason}`);
  const more =
    result.rejections.length > shown.length
      ? [`  … et ${integer.format(result.rejections.length - shown.length)} autres (--json pour tout voir)`]
      : [];
  return [...lines, ...shown, ...more];
}

/** One rewritten line on stderr: records read, rate, share of the current file. */
function progressLine(startedAt: number) {
  return {
    update(p: ImportDecpProgress) {
      const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
      const percent = p.totalBytes > 0 ? Math.round((p.bytesRead / p.totalBytes) * 100) : 100;
      const bar = '█'.repeat(Math.round(percent / 5)).padEnd(20, '░');
      process.stderr.write(
        `\r${bar} ${String(percent).padStart(3)} % ${p.file} · ${integer.format(p.read)} lus · ${integer.format(Math.round(p.read / seconds))}/s · ${integer.format(p.rejected)} rejetés`,
      );
    },
    end() {
      process.stderr.write('\n');
    },
  };
}
