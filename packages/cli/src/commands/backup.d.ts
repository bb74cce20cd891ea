import type { Command } from '../command';
export declare const backupCommand: Command;
