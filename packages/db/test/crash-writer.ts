/**
 * Child process of crash-recovery.test.ts: writes batches forever until killed. Each batch is
 * one transaction holding a marker organization named `crash-batch-<k>` and `size` needs that
 * reference it (inserted one by one, so most of the time is spent inside a transaction).
 * After each commit it prints `committed <k>`.
 *   tsx crash-writer.ts <database url> <size>
 */
import { createDatabase, withTransaction } from '../src/index';
import { buildNeed, buildOrganization } from './builders';

const [url, sizeText] = process.argv.slice(2);
if (url === undefined || sizeText === undefined) throw new Error('usage: crash-writer.ts <url> <size>');
const size = Number(sizeText);
const m = await createDatabase(url);
for (let batch = 1; ; batch += 1) {
  const marker = `crash-batch-${batch}`;
  await withTransaction(m, async (repos) => {
    const org = await repos.organizations.insert(buildOrganization({ name: marker }));
    for (let i = 0; i < size; i += 1) {
      await repos.needs.insert(buildNeed({ organizationId: org.id, label: `${marker} ligne ${i}`, sourceRef: marker }));
    }
  });
  process.stdout.write(`committed ${batch}\n`);
}
