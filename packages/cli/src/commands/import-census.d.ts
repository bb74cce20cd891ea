import type { CommandContext } from '../command';
/**
 * `mutualis import census --organization <siret> <file.xlsx|csv> [--accept valid|all]`: without
 * --accept the file is only checked; with it, stored and recorded in the import history (undo:
 * `mutualis import undo <id>`). Exit status 65 when nothing could be stored.
 */
export declare function runImportCensus(ctx: CommandContext, files: readonly string[]): Promise<number>;
