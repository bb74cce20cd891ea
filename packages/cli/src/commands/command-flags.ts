import type { CommandContext } from '../command';

/** A string flag's value, or undefined when absent. */
export function stringFlag(flags: CommandContext['flags'], name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** Throws `validation_failed` naming every bad flag (exit status 65). */
export async function failOnIssues(issues: readonly { field: string; reason: string }[]): Promise<void> {
  if (issues.length === 0) return;
  const { DomainError } = await import('@mutualis/core');
  throw DomainError.validation(issues.map((i) => `${i.field} : ${i.reason}`).join(' ; '), [...issues]);
}

/** Opens the database of `--database`, or of DATABASE_URL, migrated; runs `use`; closes it. */
export async function withDatabase<T>(ctx: CommandContext, use: (database: import('@mutualis/db').MutualisDb) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('@mutualis/server/config');
  const { openMigratedDatabase } = await import('../open-database');
  const database = await openMigratedDatabase(stringFlag(ctx.flags, 'database') ?? loadConfig(ctx.env).databaseUrl);
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}
