import { Worker } from 'node:worker_threads';
import { DomainError, type DomainErrorCode, type DomainErrorDetails } from '@mutualis/core';
import type { DecpImportFile, DecpSlice } from './decp-slices';
import type { DecpSlicesMessage } from './decp-slices-worker';

/**
 * `readDecpSlices` in a worker thread: the files are read, parsed and normalised on another core
 * while this thread stores what it already has. The worker stops when the caller stops taking
 * (return, throw, or the end of the files); an error of the reading is thrown here as it was there.
 */
export async function* readDecpSlicesInWorker(files: readonly DecpImportFile[]): AsyncGenerator<DecpSlice> {
  const worker = new Worker(new URL('./decp-slices-worker.mjs', import.meta.url), { workerData: { files } });
  const messages: DecpSlicesMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: DecpSlicesMessage) => {
    messages.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`le fil de lecture s’est arrêté (code ${code})`);
    notify();
  });
  try {
    for (;;) {
      while (messages.length === 0 && failure === null) await new Promise<void>((resolve) => (wake = resolve));
      const message = messages.shift();
      if (message === undefined) throw failure ?? new Error('le fil de lecture s’est arrêté');
      if ('end' in message) return;
      if ('error' in message) throw rebuilt(message.error);
      worker.postMessage('taken');
      yield* message.slices;
    }
  } finally {
    await worker.terminate();
  }
}

/** The worker's error as it was thrown there: a `DomainError` stays one (its code and details decide the answer). */
function rebuilt({ message, domain }: { message: string; domain?: { code: string; details: unknown } }): Error {
  if (domain === undefined) return new Error(message);
  return new DomainError(domain.code as DomainErrorCode, message, domain.details as DomainErrorDetails | undefined);
}
