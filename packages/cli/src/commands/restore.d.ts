import type { Command } from '../command';
export declare const restoreCommand: Command;
