import type { MutualisDb } from '@mutualis/db';
import type { ImportJobs } from '@mutualis/server/import';
import type { CommandContext } from '../command';
export declare function integer(value: number): string;
/** `45 s`, `3 min 05 s`. */
export declare function formatDuration(seconds: number): string;
/** The command line as the import history names it. */
export declare function cliActor(): {
  userId: null;
  label: string;
};
/**
 * Runs `use` with the import jobs of this process, after finishing what dead processes left (an
 * interrupted import is undone first; not in a server's job process, whose server does it), and
 * waits for every job before returning.
 */
export declare function withImportJobs<T>(
  ctx: CommandContext,
  m: MutualisDb,
  use: (jobs: ImportJobs) => Promise<T>,
  options?: {
    isRecovering?: boolean;
  },
): Promise<T>;
