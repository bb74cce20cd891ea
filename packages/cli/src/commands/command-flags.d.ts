import type { CommandContext } from '../command';
/** A string flag's value, or undefined when absent. */
export declare function stringFlag(flags: CommandContext['flags'], name: string): string | undefined;
/** Throws `validation_failed` naming every bad flag (exit status 65). */
export declare function failOnIssues(
  issues: readonly {
    field: string;
    reason: string;
  }[],
): Promise<void>;
/** Opens the database of `--database`, or of DATABASE_URL, migrated; runs `use`; closes it. */
export declare function withDatabase<T>(ctx: CommandContext, use: (database: import('@mutualis/db').MutualisDb) => Promise<T>): Promise<T>;
