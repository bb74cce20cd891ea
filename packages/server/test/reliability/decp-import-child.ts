/**
 * Child process of decp-import-crash.test.ts: imports one DECP file as `mutualis import decp
 * --confirm` does (recorded, every buyer taken), `awardsPerWrite` awards per transaction, and
 * prints `read <n>` after each read of the file.
 *   tsx decp-import-child.ts <database url> <territory id> <file> <awards per write>
 */
import { tmpdir } from 'node:os';
import { createDatabase } from '@mutualis/db';
import { ImportJobs } from '../../src/import';

const [url, territoryId, path, perWrite] = process.argv.slice(2);
if (url === undefined || territoryId === undefined || path === undefined || perWrite === undefined) {
  throw new Error('usage: decp-import-child.ts <url> <territory id> <file> <awards per write>');
}
const m = await createDatabase(url);
const jobs = new ImportJobs({ m, importDir: tmpdir(), now: () => new Date(), awardsPerWrite: Number(perWrite) });
await jobs.importDecpNow({
  territoryId,
  actor: { userId: null, label: 'test' },
  files: [{ path, name: 'decp.json' }],
  scope: { departements: [], includeOutside: true },
  onProgress: (progress) => process.stdout.write(`read ${progress.read}\n`),
});
process.stdout.write('done\n');
await m.close();
