import { setFlagsFromString } from 'node:v8';

/** How much V8 may grow the old generation after each full collection during an import, in percent of the live heap. */
const IMPORT_HEAP_GROWING_PERCENT = 50;

let running = 0;

/**
 * Runs `work` with V8's old generation allowed to grow by at most 50 % of the live heap after
 * each full collection. An import promotes about 1 KB a record (awards held in a chunk outlive two
 * scavenges) and dies young after that; V8's own factor, up to 4× the live heap when collections
 * are cheap, let a million-record import reach 320 MB of mostly dead heap (peak RSS 524 MB). At
 * 1.5× the peak fell to 366 MB, CPU time within the run-to-run noise. The flag is process-wide and
 * read at each collection; it goes back to 0 (V8's own factor) when the last import of the process ends.
 */
export async function withCappedHeapGrowth<T>(work: () => Promise<T>): Promise<T> {
  if (running++ === 0) setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
  try {
    return await work();
  } finally {
    if (--running === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}
