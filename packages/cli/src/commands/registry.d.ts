import type { Command } from '../command';
/** Every command of `mutualis`; add a file in this folder and list it here. */
export declare const COMMANDS: readonly Command[];
