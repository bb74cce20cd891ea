import { countFr } from '@mutualis/contract';
import type { ImportSireneProgress, ImportSireneResult } from '@mutualis/server/identities';
import type { CommandContext } from '../command';
import { failOnIssues, withDatabase } from './command-flags';

/**
 * `mutualis import sirene <file> [--json]`: reads an official SIRENE stock (StockEtablissement or
 * StockUniteLegale, CSV or Parquet), streamed, and sets the names, communes and kinds of the stored
 * organisations it names; a progress line on a terminal; `--json` prints the summary and every rejection.
 */
export async function runImportSirene(ctx: CommandContext, files: readonly string[]): Promise<number> {
  await failOnIssues(
    files.length === 1
      ? []
      : [{ field: 'fichier', reason: 'indiquez un fichier stock SIRENE (StockEtablissement ou StockUniteLegale, .csv ou .parquet)' }],
  );
  const { importSirene } = await import('@mutualis/server/identities');
  const progress = process.stderr.isTTY ? progressLine(Date.now()) : undefined;
  const result = await withDatabase(ctx, (m) =>
    importSirene({ m, file: files[0] ?? '', ...(progress ? { onProgress: progress.update } : {}) }),
  );
  progress?.end();
  if (ctx.flags.json === true) ctx.out(JSON.stringify(result, null, 2));
  else for (const line of summaryLines(result)) ctx.out(line);
  return 0;
}

const integer = new Intl.NumberFormat('fr-FR');

/** « aucune ne concerne … », « 1 concerne une organisation enregistrée », « 2 concernent des organisations enregistrées ». */
function matchedOf(count: number): string {
  if (count === 0) return 'aucune ne concerne une organisation enregistrée';
  return count >= 2 ? `${integer.format(count)} concernent des organisations enregistrées` : '1 concerne une organisation enregistrée';
}

function summaryLines(result: ImportSireneResult): string[] {
  const stock = result.stock === 'establishments' ? 'établissements (StockEtablissement)' : 'unités légales (StockUniteLegale)';
  const lines = [
    `${result.file} : stock SIRENE des ${stock}, ${result.format === 'csv' ? 'CSV' : 'Parquet'}.`,
    `${countFr(result.rowsRead, 'ligne lue')} : ${matchedOf(result.matched)}, ${countFr(result.rejected, 'refusée')}.`,
    `Organisations mises à jour : ${integer.format(result.changed)} sur ${countFr(result.resolved, 'examinée')} ; ${countFr(result.toReview, 'nom')} à vérifier.`,
  ];
  const shown = result.rejections.slice(0, 20).map((r) => `  ${r.file} ligne ${r.line} ${r.field} : ${r.reason}`);
  const more = result.rejected > shown.length ? [`  … et ${countFr(result.rejected - shown.length, 'autre')} (--json pour les voir)`] : [];
  return [...lines, ...shown, ...more];
}

/** One rewritten line on stderr: share of the file read, rows read and found. */
function progressLine(startedAt: number) {
  return {
    update(p: ImportSireneProgress) {
      const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
      const percent = p.totalBytes > 0 ? Math.round((p.bytesRead / p.totalBytes) * 100) : 100;
      const bar = '█'.repeat(Math.round(percent / 5)).padEnd(20, '░');
      process.stderr.write(
        `\r${bar} ${String(percent).padStart(3)} % ${p.file} · ${integer.format(p.rowsRead)} lignes · ${integer.format(Math.round(p.rowsRead / seconds))}/s · ${integer.format(p.matched)} retenues`,
      );
    },
    end() {
      process.stderr.write('\n');
    },
  };
}
