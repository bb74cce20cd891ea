import type { ImportRecordDto } from '@mutualis/contract';
import type { Client } from './test-app';

const BUSY = ['previewing', 'running', 'undoing'];

/** The import once its job has ended, polled: an upload, a confirmation and an undo answer at once. */
export async function settled(client: Client, url: string): Promise<ImportRecordDto> {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const response = await client.get(url);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    const record = response.json() as ImportRecordDto;
    if (!BUSY.includes(record.status)) return record;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url}: the import job never ended`);
}
