/**
 * Child process of decp-import-crash.test.ts: imports one DECP file through `importDecp` (the
 * use case behind every DECP import) and prints `imported <n>` after each committed batch;
 * `defer-indexes` forces the bulk path that drops secondary indexes until the end.
 *   tsx decp-import-child.ts <database url> <territory slug> <file> <batch size> [defer-indexes]
 */
import { createDatabase } from '@mutualis/db';
import { importDecp } from '../../src/import';

const [url, territorySlug, file, batchText, mode] = process.argv.slice(2);
if (url === undefined || territorySlug === undefined || file === undefined || batchText === undefined) {
  throw new Error('usage: decp-import-child.ts <url> <slug> <file> <batch size>');
}
const m = await createDatabase(url);
await importDecp({
  m,
  territorySlug,
  files: [file],
  batchSize: Number(batchText),
  isDeferringIndexes: mode === 'defer-indexes',
  onProgress: (progress) => process.stdout.write(`imported ${progress.imported} rejected ${progress.rejected}\n`),
});
process.stdout.write('done\n');
await m.close();
