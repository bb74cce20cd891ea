import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '@mutualis/core/errors';
import { type DecpImportFile, type DecpSlice, readDecpSlices } from './decp-slices';

/** Messages the worker may send ahead of the thread that takes them: bounds the awards waiting in memory. */
const MESSAGES_AHEAD = 16;
/** Records per message (a message holds whole slices). */
const RECORDS_PER_MESSAGE = 1_000;

/** What the worker sends: slices, the end, or why it stopped. */
export type DecpSlicesMessage =
  | { slices: DecpSlice[] }
  | { end: true }
  | { error: { message: string; domain?: { code: string; details: unknown } } };

/**
 * Body of the worker of `readDecpSlicesInWorker`: reads and normalises the files, and posts their
 * slices a few hundred records at a time, never more than `MESSAGES_AHEAD` messages before the
 * other thread acknowledges them (one message back per message taken).
 */
async function postSlices(files: readonly DecpImportFile[]): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  let credits = MESSAGES_AHEAD;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credits += 1;
    wake?.();
  });
  const send = async (message: DecpSlicesMessage) => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    port.postMessage(message);
  };
  try {
    let slices: DecpSlice[] = [];
    let records = 0;
    for await (const slice of readDecpSlices(files)) {
      slices.push(slice);
      records += slice.read;
      if (records < RECORDS_PER_MESSAGE) continue;
      await send({ slices });
      slices = [];
      records = 0;
    }
    if (slices.length > 0) await send({ slices });
    port.postMessage({ end: true } satisfies DecpSlicesMessage);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const domain = error instanceof DomainError ? { code: error.code, details: error.details } : undefined;
    port.postMessage({ error: { message, ...(domain === undefined ? {} : { domain }) } } satisfies DecpSlicesMessage);
  }
}

void postSlices((workerData as { files: DecpImportFile[] }).files);
