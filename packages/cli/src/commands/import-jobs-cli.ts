import { userInfo } from 'node:os';
import type { MutualisDb } from '@mutualis/db';
import type { ImportJobs } from '@mutualis/server/import';
import type { CommandContext } from '../command';

const numbers = new Intl.NumberFormat('fr-FR');

export function integer(value: number): string {
  return numbers.format(value);
}

/** `45 s`, `3 min 05 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** The command line as the import history names it. */
export function cliActor() {
  let login = 'inconnu';
  try {
    login = userInfo().username;
  } catch {
    // no passwd entry for this uid (some containers)
  }
  return { userId: null, label: `ligne de commande (${login})` };
}

/**
 * Runs `use` with the import jobs of this process, after finishing what dead processes left (an
 * interrupted import is undone first; not in a server's job process, whose server does it), and
 * waits for every job before returning.
 */
export async function withImportJobs<T>(
  ctx: CommandContext,
  m: MutualisDb,
  use: (jobs: ImportJobs) => Promise<T>,
  options: { isRecovering?: boolean } = {},
): Promise<T> {
  const { ImportJobs } = await import('@mutualis/server/import');
  const { loadConfig } = await import('@mutualis/server/config');
  const jobs = new ImportJobs({ m, importDir: loadConfig(ctx.env).importDir, now: () => new Date() });
  if (options.isRecovering !== false) {
    await jobs.recover();
    await jobs.idle();
  }
  try {
    return await use(jobs);
  } finally {
    await jobs.idle();
  }
}
