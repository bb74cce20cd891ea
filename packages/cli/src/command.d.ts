import type { ParseArgsConfig } from 'node:util';
/** What a command receives: its parsed flags, positionals, the environment, and where to write. */
export interface CommandContext {
  flags: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  env: Record<string, string | undefined>;
  out: (line: string) => void;
}
/** One sub-command of `mutualis` (one file per command in ./commands). Returns the exit status. */
export interface Command {
  name: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether the command takes positional arguments (files, a sub-command). */
  allowPositionals?: boolean;
  /** Long-running commands (serve) resolve only when asked to stop. */
  run(ctx: CommandContext): Promise<number>;
}
