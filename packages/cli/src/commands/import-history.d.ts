import type { CommandContext } from '../command';
/** `mutualis import history --territory <slug> [--json]`: who imported what and when, newest first. */
export declare function runImportHistory(ctx: CommandContext): Promise<number>;
/** `mutualis import undo <id>`: undoes a finished import (its contracts, needs, memberships and the organizations it created). */
export declare function runImportUndo(ctx: CommandContext, ids: readonly string[]): Promise<number>;
/** `mutualis import job <preview|run|undo|rollback> <id>`: runs one DECP job of the server's queue (started by `mutualis serve`). */
export declare function runImportJob(ctx: CommandContext, args: readonly string[]): Promise<number>;
