import type { CommandContext } from '../command';
/**
 * `mutualis import decp --territory <slug> [--departements 67,68] [--include-outside] [--confirm]
 * [--json] <files…>`: without `--confirm`, prints what the import would do (buyers inside and
 * outside the territory, contracts new / updated / unchanged, proposed needs) and stores nothing;
 * with it, imports, printing its progress on a terminal, and records it in the import history.
 * Without `--departements`, the scope is the départements where the territory's members are.
 */
export declare function runImportDecp(ctx: CommandContext, files: readonly string[]): Promise<number>;
