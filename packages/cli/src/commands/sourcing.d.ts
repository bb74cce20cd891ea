import type { Command } from '../command';
export declare const sourcingCommand: Command;
