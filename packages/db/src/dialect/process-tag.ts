import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** This process as `<hostname>:<pid>`, so that another process can tell whether it still runs. */
export function processTag(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Whether the process `tag` names (see `processTag`) may still run: this one, or another of this
 * host that answers signal 0. A process of another host cannot be checked: it counts as running.
 */
export function isProcessRunning(tag: string): boolean {
  const separator = tag.lastIndexOf(':');
  const pid = Number(tag.slice(separator + 1));
  if (tag.slice(0, separator) !== hostname()) return true;
  if (!Number.isInteger(pid)) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A process killed but not yet reaped by its parent still answers signal 0: Linux shows it as state Z. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false; // no procfs (or the process is gone meanwhile): trust the signal
  }
}
